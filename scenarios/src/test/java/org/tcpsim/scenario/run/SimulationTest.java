package org.tcpsim.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpsim.scenario.load.ScenarioLoader;

/** The runner's pieces (rules, actions, apps, attacks), each through a small scenario. */
class SimulationTest {
  static final String NET = String.join("\n",
      "name: t",
      "profile: rfc9293",
      "hosts: { A: { address: 10.0.0.1, tcp: { iss: 100 } }, B: { address: 10.0.0.2, tcp: { iss: 300 } } }",
      "links: [ { between: [A, B], delay: 10ms } ]",
      "");

  static RunResult run(String body) throws Exception {
    return new Simulation(ScenarioLoader.parse(NET + body, "t.yaml", List.of())).run();
  }

  static Map<String, Long> counters(RunResult r) {
    return r.counters();
  }

  static String expectOk(RunResult r) {
    assertThat(r.failures()).isEmpty();
    return "";
  }

  @Nested
  class Rules {
    static final String APPS = String.join("\n",
        "apps:",
        "  - { listen: B:80 }",
        "  - { connect: B:80, from: A, at: 0s, port: 1024, send: 1000B, close: after-send }",
        "");

    @Test
    void dropTheFirstSynAndTheClientRetransmitsItAfterTheInitialRto() throws Exception {
      RunResult r = run(APPS + String.join("\n",
          "rules: [ { match: { from: A, to: B, flags: [SYN], nth: 1 }, drop: true } ]",
          "expect:",
          "  - { at: 999ms, host: A, conn: \"A:1024>B:80\", state: SYN-SENT }",
          "  - { at: 1030ms, host: A, conn: \"A:1024>B:80\", state: ESTABLISHED }",
          "  - { host: A, counter: retransmissions, \"==\": 1 }",
          "  - { counter: drops.rule, \"==\": 1 }",
          "  - { host: B, conn: \"B:80>A:1024\", delivered: 1000B }",
          ""));
      expectOk(r);
    }

    @Test
    void delayHoldsOnePacketBackAndLetsTheOthersPass() throws Exception {
      RunResult r = run(APPS + String.join("\n",
          "rules: [ { match: { from: B, has: [SYN], nth: 1 }, delay: 500ms } ]",
          "expect:",
          "  - { at: 400ms, host: A, conn: \"A:1024>B:80\", state: SYN-SENT }",
          "  - { at: 530ms, host: A, conn: \"A:1024>B:80\", state: ESTABLISHED }",
          "  - { counter: drops.rule, \"==\": 0 }",
          ""));
      expectOk(r);
    }

    @Test
    void duplicateDeliversTheSegmentTwiceAndTheDataOnce() throws Exception {
      RunResult r = run(APPS + String.join("\n",
          "rules: [ { match: { from: A, has: [PSH], nth: 1 }, duplicate: true } ]",
          "expect:",
          "  - { host: B, conn: \"B:80>A:1024\", delivered: 1000B }",
          ""));
      expectOk(r);
      assertThat(counters(r).get("segments.received"))
          .isEqualTo(counters(r).get("segments.sent") + 1);
    }

    @Test
    void corruptMakesTheReceiverDropTheSegmentForItsChecksum() throws Exception {
      RunResult r = run(APPS + String.join("\n",
          "rules: [ { match: { from: A, has: [PSH], nth: 1 }, corrupt: true } ]",
          "expect:",
          "  - { counter: drops.checksum, \"==\": 1 }",
          "  - { host: A, counter: retransmissions, \">=\": 1 }",
          "  - { host: B, conn: \"B:80>A:1024\", delivered: 1000B }",
          ""));
      expectOk(r);
    }

    @Test
    void everyRuleCountsEveryMatchingPacketWhateverOtherRulesDid() throws Exception {
      // Both rules see the first SYN; the second rule's nth: 2 is the retransmitted SYN.
      RunResult r = run(APPS + String.join("\n",
          "rules:",
          "  - { match: { from: A, flags: [SYN], nth: 1 }, drop: true }",
          "  - { match: { from: A, flags: [SYN], nth: 2 }, drop: true }",
          "expect:",
          "  - { at: 2999ms, host: A, conn: \"A:1024>B:80\", state: SYN-SENT }",
          "  - { at: 3030ms, host: A, conn: \"A:1024>B:80\", state: ESTABLISHED }",
          "  - { counter: drops.rule, \"==\": 2 }",
          ""));
      expectOk(r);
    }

    @Test
    void afterAndBeforeBoundTheTimeWindow() throws Exception {
      RunResult r = run(APPS + String.join("\n",
          "rules: [ { match: { from: A, has: [ACK], after: 15ms, before: 25ms }, drop: true } ]",
          "expect:",
          "  - { counter: drops.rule, \">\": 0 }",
          "  - { host: B, conn: \"B:80>A:1024\", delivered: 1000B }",
          ""));
      expectOk(r);
    }
  }

  @Nested
  class Actions {
    static final String OPEN = String.join("\n",
        "apps:",
        "  - { listen: B:80, close: never }",
        "  - { connect: B:80, from: A, at: 0s, port: 1024, close: never }",
        "");

    @Test
    void closingAListenerEndsItsPassiveOpenAndItsConnectionsStay() throws Exception {
      // RFC 9293 3.10.4, CLOSE in LISTEN: "Delete TCB, enter CLOSED state". The connection it
      // already made goes on; a later SYN finds no listener and is answered with a reset.
      RunResult r = run(OPEN + String.join("\n",
          "  - { connect: B:80, from: A, at: 2s, port: 1025, close: never }",
          "actions: [ { at: 1s, host: B, call: close, conn: \"B:80>*\" } ]",
          "expect:",
          "  - { host: B, conn: \"B:80>*\", state: CLOSED }",
          "  - { host: B, conn: \"B:80>A:1024\", state: ESTABLISHED }",
          "  - { host: A, conn: \"A:1025>B:80\", signal: connection reset }",
          ""));
      expectOk(r);
    }

    @Test
    void aListenerTakesOnlyCloseAndAbort() throws Exception {
      assertThatThrownBy(() -> run(OPEN + String.join("\n",
          "actions: [ { at: 1s, host: B, call: send, conn: \"B:80>*\", size: 10B } ]",
          "")))
          .hasMessageContaining("'B:80>*' is a listening socket, and call send needs a connection");
    }

    @Test
    void abortSendsAResetAndThePeerIsTold() throws Exception {
      RunResult r = run(OPEN + String.join("\n",
          "actions: [ { at: 1s, host: A, call: abort, conn: \"A:1024>B:80\" } ]",
          "expect:",
          "  - { host: B, conn: \"B:80>A:1024\", signal: connection reset }",
          "  - { host: B, conn: \"B:80>A:1024\", state: CLOSED }",
          ""));
      expectOk(r);
    }

    @Test
    void sendAndCloseAreUserCallsOnANamedConnection() throws Exception {
      RunResult r = run(OPEN + String.join("\n",
          "actions:",
          "  - { at: 1s, host: B, call: send, conn: \"B:80>A:1024\", size: 10B }",
          "  - { at: 2s, host: A, call: close, conn: \"A:1024>B:80\" }",
          "  - { at: 3s, host: B, call: close, conn: \"B:80>A:1024\" }",
          "expect:",
          "  - { host: A, conn: \"A:1024>B:80\", delivered: 10B }",
          "  - { at: 2500ms, host: A, conn: \"A:1024>B:80\", state: FIN-WAIT-2 }",
          "  - { at: 2500ms, host: B, conn: \"B:80>A:1024\", state: CLOSE-WAIT }",
          "  - { at: 3500ms, host: A, conn: \"A:1024>B:80\", state: TIME-WAIT }",
          "  - { host: B, conn: \"B:80>A:1024\", signal: closed }",
          ""));
      expectOk(r);
    }

    @Test
    void aCallOnAConnectionThatDoesNotExistIsReportedNotFatal() throws Exception {
      RunResult r = run(OPEN + String.join("\n",
          "actions: [ { at: 1s, host: A, call: close, conn: \"A:2000>B:80\" } ]",
          ""));
      assertThat(r.summaryText())
          .contains("note: t.yaml:8:12: close A:2000>B:80 at 1s: error: connection does not exist");
    }

    @Test
    void anErrorResponseCanBeExpectedByItsName() throws Exception {
      RunResult r = run(OPEN + String.join("\n",
          "actions: [ { at: 1s, host: A, call: close, conn: \"A:2000>B:80\" } ]",
          "expect: [ { host: A, conn: \"A:2000>B:80\", signal: connection does not exist } ]",
          ""));
      expectOk(r);
    }

    @Test
    void aCrashLosesAllStateAndTheRestartedHostResetsTheOldConnection() throws Exception {
      RunResult r = run(OPEN + String.join("\n",
          "actions:",
          "  - { at: 1s, host: B, call: crash }",
          "  - { at: 2s, host: B, call: restart }",
          "  - { at: 3s, host: A, call: send, conn: \"A:1024>B:80\", size: 10B }",
          "expect:",
          "  - { at: 1500ms, host: B, conn: \"B:80>*\", state: CLOSED }",
          "  - { at: 2500ms, host: B, conn: \"B:80>*\", state: LISTEN }",
          "  - { host: A, conn: \"A:1024>B:80\", signal: connection reset }",
          "  - { host: A, conn: \"A:1024>B:80\", state: CLOSED }",
          ""));
      expectOk(r);
    }

    @Test
    void simultaneousOpenFromTwoActiveOpens() throws Exception {
      // RFC 9293 Figure 7. Both SYNs arrive at 10 ms; A's was sent first, so B answers first.
      RunResult r = run(String.join("\n",
          "actions:",
          "  - { at: 0s, host: A, call: open, conn: \"A:1024>B:80\" }",
          "  - { at: 0s, host: B, call: open, conn: \"B:80>A:1024\" }",
          "expect:",
          "  - { host: A, conn: \"A:1024>B:80\", state: ESTABLISHED }",
          "  - { host: B, conn: \"B:80>A:1024\", state: ESTABLISHED }",
          "  - host: A",
          "    conn: \"A:1024>B:80\"",
          "    ladder:",
          "      - A > B SYN seq=100",
          "      - B > A SYN seq=300",
          "      - B > A SYN,ACK seq=300 ack=101",
          "      - A > B SYN,ACK seq=100 ack=301",
          ""));
      expectOk(r);
    }
  }

  @Nested
  class InjectAndAttacks {
    @Test
    void anInjectedSegmentFromASpoofedAddressIsAnsweredWithAReset() throws Exception {
      RunResult r = run(String.join("\n",
          "apps: [ { listen: B:80 } ]",
          "inject: [ { at: 1s, from: \"A:5000\", to: \"B:80\", flags: [ACK], seq: 7, ack: 9 } ]",
          "expect:",
          "  - { host: B, counter: resets.sent, \"==\": 1 }",
          "  - { host: A, counter: segments.received, \"==\": 1 }",
          ""));
      expectOk(r);
    }

    @Test
    void aSynFloodFromAnUndeclaredAttackerFillsTheBacklog() throws Exception {
      RunResult r = run(String.join("\n",
          "until: 3s",
          "tcp: { backlog: 16 }",
          "apps: [ { listen: \"B:80\" } ]",
          "attacks: [ { syn-flood: { target: \"B:80\", from: M, rate: 100/s, start: 0s, stop: 1s, spoof: 198.51.100.0/24 } } ]",
          "expect:",
          "  - { counter: attack.syns-sent, \"==\": 100 }",
          "  - { host: B, counter: listen.syn-dropped, \">\": 0 }",
          ""));
      expectOk(r);
    }
  }
}
