package org.tcpsim.scenario.packetdrill;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tcpsim.scenario.load.ScenarioException;

/** Malformed scripts: the first error, as {@code FILE:LINE:COL: found X, expected Y}. */
class ScriptParserErrorTest {
  static void fails(String text, String message) {
    assertThatThrownBy(() -> ScriptParser.parse("bad.pkt", text))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(message);
  }

  @Test
  void missingTime() {
    fails("0 close(3) = 0\nclose(4) = 0\n",
        "bad.pkt:2:1: found 'close', expected a time such as 0, 0.100, +.1, 0.1~0.2 or *, "
            + "or a --flag or a `shell command`");
  }

  @Test
  void unknownFlag() {
    fails("0 < SX 0:0(0) win 10\n",
        "bad.pkt:1:5: unknown TCP flag 'X' in 'SX', expected flags from S F R P E W U N and . "
            + "for ACK, or - for none");
  }

  @Test
  void lengthDisagreesWithTheRange() {
    fails("+0 > . 1:101(99) ack 1\n",
        "bad.pkt:1:8: the range 1:101 holds 100 bytes but the length is 99, "
            + "expected end - start = len");
  }

  @Test
  void unknownOption() {
    fails("0 < S 0:0(0) win 10 <mss 500,bogus 3>\n",
        "bad.pkt:1:30: unknown TCP option 'bogus', expected a TCP option: nop, eol, mss N, "
            + "wscale N, sackOK, sack L:R, TS val N ecr N, FO, FOEXP or md5");
  }

  @Test
  void missingResult() {
    fails("0 listen(3, 1)\n+0 close(3) = 0\n",
        "bad.pkt:2:1: found '+', expected '=' and the expected result after listen(...)");
  }

  @Test
  void unclosedStruct() {
    fails("0 poll([{fd=3, events=POLLIN], 1, 0) = 1\n",
        "bad.pkt:1:29: found ']', expected ',' or '}' to close the struct");
  }

  @Test
  void strayCharacter() {
    fails("0 close(3) = 0\n+0 close(@) = 0\n",
        "bad.pkt:2:10: found the character '@', expected an argument: a number, a NAME, "
            + "a \"string\", ..., [list] or {struct}");
  }

  @Test
  void unterminatedBlocks() {
    fails("0 close(3) = 0\n+0 %{ assert tcpi_cwnd == 10\n",
        "bad.pkt:2:4: unterminated %{ opened here, expected }% to close this %{ block");
    fails("`echo hi\n", "bad.pkt:1:1: unterminated ` opened here, "
        + "expected the closing backquote of this shell line");
    fails("0 write(3, \"abc, 3) = 3\n",
        "bad.pkt:1:12: unterminated string, expected a closing \" on the same line");
  }

  @Test
  void timeFinerThanAMicrosecond() {
    fails("0.0000001 close(3) = 0\n", "bad.pkt:1:1: '0.0000001' is finer than a microsecond "
        + "or too large, expected seconds with at most 6 decimals");
  }

  @Test
  void unreadableFile() {
    Path p = Path.of("no", "such.pkt");
    assertThatThrownBy(() -> ScriptParser.parse(p))
        .hasMessage(p + ": cannot read the file: no such file, "
            + "expected a readable packetdrill script");
  }
}
