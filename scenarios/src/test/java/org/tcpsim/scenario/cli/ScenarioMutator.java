package org.tcpsim.scenario.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutations of a scenario file for {@link ScenarioFuzzTest}, at the text level (lines deleted,
 * duplicated, swapped, borrowed from another file, indentation changed, the file cut short) and
 * at the YAML level (a value replaced by a nasty one, a key misspelt by one character). Every
 * choice comes from the {@link Random} passed in, so a case is reproduced by its seed alone.
 */
final class ScenarioMutator {
  /** Values that have broken parsers before: out of range, overflowing, empty, wrong type. */
  static final List<String> NASTY = List.of("-1", "0", "1e309", "99999999999999999999", "NaN",
      "\"\"", "[]", "{}", "~", "2562047h", "0ns", "1ns", "5MS", "10.0.0.300", "*",
      "x".repeat(5000), "9".repeat(400), "\"" + "a:b ".repeat(1000) + "\"",
      "[".repeat(100) + "]".repeat(100), "-9223372036854775808", "9223372036854775807s",
      "1e-400s", "0.0000000001ns", "B:0", "B:65536", "A:1>B:80", "true", "-0", "+5",
      "0x10", "1_000", "1.5.6", "10.0.0.1/33", "!!binary x", "&a", "*a", "'", "\"\\u0000\"");

  /** {@code key: value} in block style or inside a flow mapping; group 2 is the value. */
  private static final Pattern KEY_VALUE =
      Pattern.compile("([A-Za-z][\\w.-]*):[ ]+([^,{}\\[\\]#\\s][^,{}\\[\\]#]*?|\\[[^\\]]*\\])"
          + "(?=\\s*(?:[,}]|#|$))");
  private static final Pattern KEY = Pattern.compile("([A-Za-z][\\w-]*):");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz-_0 ";

  private final Random random;
  private final List<String> donors;

  /** {@code donors}: the lines of every bundled file, to insert one into another. */
  ScenarioMutator(Random random, List<String> donors) {
    this.random = random;
    this.donors = donors;
  }

  /** One to three mutations of {@code text}; {@code log} receives what was done, for reports. */
  String mutate(String text, List<String> log) {
    String t = text;
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      t = mutateOnce(t, log);
    }
    return t;
  }

  private String mutateOnce(String text, List<String> log) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    switch (random.nextInt(8)) {
      case 0 -> {
        log.add("delete line " + (at + 1));
        lines.remove(at);
      }
      case 1 -> {
        log.add("duplicate line " + (at + 1));
        lines.add(at, lines.get(at));
      }
      case 2 -> {
        int other = random.nextInt(lines.size());
        log.add("swap lines " + (at + 1) + " and " + (other + 1));
        String l = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, l);
      }
      case 3 -> replaceValue(lines, log);
      case 4 -> renameKey(lines, log);
      case 5 -> reindent(lines, at, log);
      case 6 -> {
        String donor = donors.get(random.nextInt(donors.size()));
        log.add("insert at line " + (at + 1) + ": " + ScenarioFuzzTest.shorten(donor, 80));
        lines.add(at, donor);
      }
      default -> {
        return truncate(text, log);
      }
    }
    return String.join("\n", lines);
  }

  /** Replaces the value of one {@code key: value} pair, chosen among every pair of the file. */
  private void replaceValue(List<String> lines, List<String> log) {
    List<int[]> spots = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = KEY_VALUE.matcher(stripComment(lines.get(i)));
      while (m.find()) {
        spots.add(new int[] {i, m.start(2), m.end(2)});
      }
    }
    if (spots.isEmpty()) {
      return;
    }
    int[] s = spots.get(random.nextInt(spots.size()));
    String nasty = NASTY.get(random.nextInt(NASTY.size()));
    String line = lines.get(s[0]);
    log.add("line " + (s[0] + 1) + ": value '" + line.substring(s[1], s[2]) + "' -> '"
        + ScenarioFuzzTest.shorten(nasty, 40) + "'");
    lines.set(s[0], line.substring(0, s[1]) + nasty + line.substring(s[2]));
  }

  /** Changes, inserts or deletes one character of one key of the file. */
  private void renameKey(List<String> lines, List<String> log) {
    List<int[]> spots = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = KEY.matcher(stripComment(lines.get(i)));
      while (m.find()) {
        spots.add(new int[] {i, m.start(1), m.end(1)});
      }
    }
    if (spots.isEmpty()) {
      return;
    }
    int[] s = spots.get(random.nextInt(spots.size()));
    String line = lines.get(s[0]);
    String key = line.substring(s[1], s[2]);
    int p = random.nextInt(key.length());
    char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    String renamed = switch (random.nextInt(3)) {
      case 0 -> key.substring(0, p) + c + key.substring(p + 1);
      case 1 -> key.substring(0, p) + c + key.substring(p);
      default -> key.substring(0, p) + key.substring(p + 1);
    };
    log.add("line " + (s[0] + 1) + ": key '" + key + "' -> '" + renamed + "'");
    lines.set(s[0], line.substring(0, s[1]) + renamed + line.substring(s[2]));
  }

  /** Indents a line by one to four more spaces, or takes one to four away, or adds a tab. */
  private void reindent(List<String> lines, int at, List<String> log) {
    String line = lines.get(at);
    int k = 1 + random.nextInt(4);
    String changed;
    switch (random.nextInt(3)) {
      case 0 -> changed = " ".repeat(k) + line;
      case 1 -> changed = line.substring(Math.min(k, line.length() - line.stripLeading().length()));
      default -> changed = "\t" + line;
    }
    log.add("reindent line " + (at + 1) + ": '" + ScenarioFuzzTest.shorten(changed, 60) + "'");
    lines.set(at, changed);
  }

  /** Cuts the file at a random byte, which may split a UTF-8 character (decoded as U+FFFD). */
  private String truncate(String text, List<String> log) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int cut = random.nextInt(bytes.length + 1);
    log.add("truncate at byte " + cut + " of " + bytes.length);
    return new String(bytes, 0, cut, StandardCharsets.UTF_8);
  }

  /** The line without its comment, the same length so that offsets stay valid. */
  private static String stripComment(String line) {
    int hash = line.indexOf(" #");
    if (line.startsWith("#")) {
      return " ".repeat(line.length());
    }
    return hash < 0 ? line : line.substring(0, hash) + " ".repeat(line.length() - hash);
  }
}
