package org.tcpsim.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tcpsim run} and {@code tcpsim list} as a user meets them: output and exit status. */
class RunCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void aBundledScenarioRunsByNameAndItsExpectationsHold() {
    assertThat(run("run", "rfc9293-figure-6")).isZero();
    assertThat(out.toString())
        .startsWith("rfc9293-figure-6: seed 1, ran to ")
        .contains("connections  2 open (ESTABLISHED)")
        .contains("segments     5 sent, 5 received, 0 retransmitted, 0 resets")
        .contains("A      A:1024>B:80")
        .contains("expectations 6 of 6 held");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aFailedExpectationSaysWhereWhatWasExpectedAndWhatHappenedAndExitsOne() {
    assertThat(run("run", "rfc9293-figure-6", "--set", "hosts.A.tcp.iss=101")).isEqualTo(1);
    assertThat(out.toString())
        .contains("expectations 5 of 6 held")
        .contains("FAILED library/rfc9293-figure-6.yaml:")
        .contains("line 1 differs: A > B SYN seq=101")
        .contains("says A > B SYN seq=100");
  }

  @Test
  void quietPrintsOnlyFailures() {
    assertThat(run("run", "rfc9293-figure-6", "-q")).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anExpectationAtATimeTheRunNeverReachesFails(@TempDir Path tmp) throws Exception {
    Path f = Files.writeString(tmp.resolve("short.yaml"), String.join("\n",
        "name: short",
        "hosts: { A: { address: 10.0.0.1 }, B: { address: 10.0.0.2 } }",
        "links: [ { between: [A, B], delay: 1ms } ]",
        "apps: [ { listen: B:80 } ]",
        "expect: [ { at: 5s, host: B, conn: \"B:80>*\", state: LISTEN } ]", ""));
    assertThat(run("run", f.toString(), "--until", "1s")).isEqualTo(1);
    assertThat(out.toString()).contains("the run ended at 1s before that time");
  }

  @Test
  void aMissingFileIsBadInput() {
    assertThat(run("run", "no-such-file.yaml")).isEqualTo(2);
    assertThat(err.toString()).contains("no-such-file.yaml: cannot read the file: no such file");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMalformedFileIsBadInputWithFileLineAndColumn(@TempDir Path tmp) throws Exception {
    Path f = Files.writeString(tmp.resolve("bad.yaml"), "name: bad\nuntil: 5sec\n");
    assertThat(run("run", f.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith(f + ":2:8: until: unknown unit 'sec'");
  }

  @Test
  void aBadUntilIsBadInput() {
    assertThat(run("run", "rfc9293-figure-6", "--until", "soon")).isEqualTo(2);
    assertThat(err.toString()).startsWith("tcpsim run: --until: ");
  }

  @Test
  void aBadSetIsBadInput() {
    assertThat(run("run", "rfc9293-figure-6", "--set", "hosts.A.tcp.backlg=3")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown TCP setting 'backlg'")
        .contains("did you mean 'backlog'?");
  }

  @Test
  void listShowsEveryBundledScenarioWithItsDescription() {
    assertThat(run("list")).isZero();
    assertThat(out.toString()).containsPattern("(?m)^rfc9293-figure-6 +RFC 9293 Figure 6, the basic three-way handshake")
        .contains("lossy-bulk-with-router");
  }
}
