package org.tcpsim.scenario.sweep.collect;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 lines: a field is quoted only when it holds a comma, a double quote or a line break
 * (a scenario value such as {@code "A:1024>B:80"} or a key with a comma), with inner quotes
 * doubled. Lines end with {@code \n} rather than RFC 4180's CRLF: every CSV reader accepts it,
 * and it keeps the files friendly to diff and to the other text tcpsim writes.
 */
final class Csv {
  private Csv() {}

  static String line(List<String> fields) {
    return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\n";
  }

  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
