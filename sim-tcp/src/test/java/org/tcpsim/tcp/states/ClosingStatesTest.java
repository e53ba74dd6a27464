package org.tcpsim.tcp.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.core.Time.SECOND;
import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;
import static org.tcpsim.tcp.states.TcpHarness.ID;
import static org.tcpsim.tcp.states.TcpHarness.IRS;
import static org.tcpsim.tcp.states.TcpHarness.ISS;
import static org.tcpsim.tcp.states.TcpHarness.ackIn;
import static org.tcpsim.tcp.states.TcpHarness.ackOut;
import static org.tcpsim.tcp.states.TcpHarness.dataIn;
import static org.tcpsim.tcp.states.TcpHarness.finIn;
import static org.tcpsim.tcp.states.TcpHarness.in;
import static org.tcpsim.tcp.states.TcpHarness.rstOut;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.Listener;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.SeqNum;
import org.tcpsim.tcp.TcpState;

/**
 * SEGMENT ARRIVES in the states of closing a connection (RFC 9293 3.10.7.4, the closing sequences
 * of 3.6): FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK and TIME-WAIT, one nested class
 * per state. The checks common to every synchronized state are in
 * {@link EverySynchronizedStateTest}. Numbers as in RFC 9293's figures: A's ISS 100, B's ISS 300,
 * RCV.WND 1000.
 */
class ClosingStatesTest {

  // ===========================================================================================
  @Nested
  class FinWait1 {
    @Test
    void ackOfOurFinGoesToFinWait2() {
      TcpHarness h = new TcpHarness().finWait1();
      h.inject(ackIn(IRS + 1, ISS + 1)); // not the FIN yet
      h.expectState(TcpState.FIN_WAIT_1);
      h.inject(ackIn(IRS + 1, ISS + 2));
      h.expectNothingSent();
      h.expectState(TcpState.FIN_WAIT_2);
    }

    @Test
    void finBeforeOurFinIsAcknowledgedGoesToClosing() {
      TcpHarness h = new TcpHarness().finWait1();
      h.inject(finIn(IRS + 1, ISS + 1));
      h.expectSent(ackOut(ISS + 2, IRS + 2));
      h.expectState(TcpState.CLOSING);
    }

    @Test
    void finThatAcknowledgesOurFinGoesToTimeWait() {
      TcpHarness h = new TcpHarness().finWait1();
      h.inject(finIn(IRS + 1, ISS + 2));
      h.expectSent(ackOut(ISS + 2, IRS + 2));
      h.expectState(TcpState.TIME_WAIT);
    }

    @Test
    void dataIsStillDelivered() {
      TcpHarness h = new TcpHarness().finWait1();
      h.inject(dataIn(IRS + 1, ISS + 1, 10));
      h.expectSent(ackOut(ISS + 2, IRS + 11));
      assertThat(h.app.data).containsExactly(10);
      h.expectState(TcpState.FIN_WAIT_1);
    }

    @Test
    void finIsRetransmittedAfterTheRto() {
      TcpHarness h = new TcpHarness().finWait1();
      h.runUntil(h.sim.now() + 1_000_000_000L);
      h.expectSent(TcpHarness.finOut(ISS + 1, IRS + 1));
    }
  }

  // ===========================================================================================
  @Nested
  class FinWait2 {
    @Test
    void finGoesToTimeWait() {
      TcpHarness h = new TcpHarness().finWait2();
      h.inject(finIn(IRS + 1, ISS + 2));
      h.expectSent(ackOut(ISS + 2, IRS + 2));
      h.expectState(TcpState.TIME_WAIT);
      assertThat(h.app.peerClosed).isEqualTo(1);
    }

    @Test
    void dataIsStillDelivered() {
      TcpHarness h = new TcpHarness().finWait2();
      h.inject(dataIn(IRS + 1, ISS + 2, 10));
      h.expectSent(ackOut(ISS + 2, IRS + 11));
      assertThat(h.app.data).containsExactly(10);
      h.inject(finIn(IRS + 11, ISS + 2));
      h.expectSent(ackOut(ISS + 2, IRS + 12));
      h.expectState(TcpState.TIME_WAIT);
    }

    @Test
    void pureAckIsNotAnswered() {
      TcpHarness h = new TcpHarness().finWait2();
      h.inject(ackIn(IRS + 1, ISS + 2));
      h.expectNothingSent();
      h.expectState(TcpState.FIN_WAIT_2);
    }
  }

  // ===========================================================================================
  @Nested
  class CloseWait {
    @Test
    void dataAfterTheFinIsIgnored() {
      // "This should not occur since a FIN has been received from the remote side. Ignore the
      // segment text."
      TcpHarness h = new TcpHarness().closeWait();
      h.inject(dataIn(IRS + 2, ISS + 1, 10));
      assertThat(h.app.data).isEmpty();
      assertThat(h.conn.rcvNxt()).isEqualTo(IRS + 2);
      h.expectState(TcpState.CLOSE_WAIT);
    }

    @Test
    void ourDataIsStillSentAndAcknowledged() {
      TcpHarness h = new TcpHarness().closeWait();
      h.conn.send(20);
      h.expectSent(TcpHarness.dataOut(ISS + 1, IRS + 2, 20));
      h.inject(ackIn(IRS + 2, ISS + 21));
      assertThat(h.conn.sndUna()).isEqualTo(ISS + 21);
      h.expectState(TcpState.CLOSE_WAIT);
    }
  }

  // ===========================================================================================
  @Nested
  class Closing {
    @Test
    void ackOfOurFinGoesToTimeWait() {
      TcpHarness h = new TcpHarness().closing();
      h.inject(ackIn(IRS + 2, ISS + 1));
      h.expectState(TcpState.CLOSING);
      h.inject(ackIn(IRS + 2, ISS + 2));
      h.expectNothingSent();
      h.expectState(TcpState.TIME_WAIT);
    }

    @Test
    void timeWaitAfterClosingLasts2Msl() {
      TcpHarness h = new TcpHarness().closing();
      long t = h.sim.now();
      h.inject(ackIn(IRS + 2, ISS + 2));
      long twoMsl = 2 * h.config.msl();
      h.runUntil(t + twoMsl - 1);
      h.expectState(TcpState.TIME_WAIT);
      h.runUntil(t + twoMsl);
      h.expectState(TcpState.CLOSED);
      h.expectNothingSent();
    }
  }

  // ===========================================================================================
  @Nested
  class LastAck {
    @Test
    void ackOfOurFinCloses() {
      TcpHarness h = new TcpHarness().lastAck();
      h.events.clear();
      h.inject(ackIn(IRS + 2, ISS + 1));
      h.expectState(TcpState.LAST_ACK);
      h.inject(ackIn(IRS + 2, ISS + 2));
      h.expectNothingSent();
      h.expectState(TcpState.CLOSED);
      assertThat(h.signals()).containsExactly("closed");
      assertThat(h.app.closed).containsExactly("closed");
      assertThat(h.stack.connection(ID)).isNull();
      // Now a segment for the 4-tuple is one for no connection.
      h.inject(ackIn(IRS + 2, ISS + 2));
      h.expectSent(rstOut(ISS + 2));
    }

    @Test
    void finIsRetransmittedAfterTheRto() {
      TcpHarness h = new TcpHarness().lastAck();
      h.runUntil(h.sim.now() + 1_000_000_000L);
      h.expectSent(TcpHarness.finOut(ISS + 1, IRS + 2));
    }
  }

  // ===========================================================================================
  @Nested
  class TimeWait {
    @ParameterizedTest
    @EnumSource(Profile.class)
    void lasts2MslThenCloses(Profile p) {
      TcpHarness h = new TcpHarness(p).timeWait();
      long t = h.sim.now();
      long twoMsl = 2 * h.config.msl();
      h.runUntil(t + twoMsl - 1);
      h.expectState(TcpState.TIME_WAIT);
      h.runUntil(t + twoMsl);
      h.expectState(TcpState.CLOSED);
      h.expectNothingSent();
      assertThat(h.app.closed).containsExactly("closed");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void retransmittedFinRestartsThe2MslTimer(Profile p) {
      TcpHarness h = new TcpHarness(p).timeWait();
      long twoMsl = 2 * h.config.msl();
      long restart = h.sim.now() + twoMsl / 2;
      h.runUntil(restart);
      h.inject(finIn(IRS + 1, ISS + 2));
      h.expectSent(ackOut(ISS + 2, IRS + 2));
      h.runUntil(restart + twoMsl - 1);
      h.expectState(TcpState.TIME_WAIT);
      h.runUntil(restart + twoMsl);
      h.expectState(TcpState.CLOSED);
      h.expectNothingSent();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void pureAcksAreNotAnsweredAndDoNotRestartTheTimer(Profile p) {
      // docs/rfc-notes.md A20.
      TcpHarness h = new TcpHarness(p).timeWait();
      long twoMsl = 2 * h.config.msl();
      long t = h.sim.now();
      h.runUntil(t + twoMsl / 2);
      h.inject(ackIn(IRS + 2, ISS + 2));
      h.inject(ackIn(IRS + 2, ISS + 1));
      h.expectNothingSent();
      h.runUntil(t + twoMsl);
      h.expectState(TcpState.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void unacceptableSegmentGetsAnAckAndDoesNotRestartTheTimer(Profile p) {
      TcpHarness h = new TcpHarness(p).timeWait();
      long twoMsl = 2 * h.config.msl();
      long t = h.sim.now();
      h.runUntil(t + twoMsl / 2);
      h.inject(dataIn(IRS - 50, ISS + 2, 10));
      h.expectSent(ackOut(ISS + 2, IRS + 2));
      h.runUntil(t + twoMsl);
      h.expectState(TcpState.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void rst(Profile p) {
      // RFC 1337 (docs/rfc-notes.md A15): ignored where the profile protects TIME-WAIT (rfc5961);
      // 9293's text (and Linux's default) closes.
      TcpHarness h = new TcpHarness(p).timeWait();
      h.inject(in(IRS + 2).flags(RST).build());
      h.expectNothingSent();
      h.expectState(p == Profile.RFC5961 ? TcpState.TIME_WAIT : TcpState.CLOSED);
    }

    @Test
    void rfc1337CanBeSwitchedOnSeparately() {
      TcpHarness h = TcpHarness.with(Profile.RFC9293, "rfc1337", "true").timeWait();
      h.inject(in(IRS + 2).flags(RST).build());
      h.expectState(TcpState.TIME_WAIT);
    }

    @Test
    void newSynAboveRcvNxtReopensThroughTheListener() {
      // RFC 9293 MAY-2 (docs/rfc-notes.md A19): ISS' above the old SND.NXT.
      TcpHarness h = new TcpHarness(Profile.RFC9293).timeWait();
      Connection old = h.conn;
      Listener l = h.stack.listen(TcpHarness.LOCAL_PORT, c -> h.app);
      h.inject(in(5000).flags(SYN).build());
      assertThat(old.state()).isEqualTo(TcpState.CLOSED);
      Connection fresh = h.stack.connection(ID);
      assertThat(fresh).isNotSameAs(old);
      assertThat(fresh.state()).isEqualTo(TcpState.SYN_RECEIVED);
      assertThat(SeqNum.gt(fresh.iss(), ISS + 2)).as("ISS' > old SND.NXT").isTrue();
      assertThat(h.sent).hasSize(1);
      assertThat(h.sent.get(0).has(SYN | ACK)).isTrue();
      assertThat(h.sent.get(0).ack()).isEqualTo(5001);
      assertThat(l.synQueueLength()).isEqualTo(1);
    }

    @Test
    void aReopeningSynThatTurnsOutAnOldDuplicateReturnsToTimeWait() {
      // RFC 9293 3.6.1 (RFC 1122 4.2.2.13), MAY-2: the connection may accept a new SYN in
      // TIME-WAIT if it "(2) returns to TIME-WAIT state if the SYN turns out to be an old
      // duplicate". The peer has no such connection and answers the SYN,ACK with
      // <SEQ=5001><CTL=RST>; the old TCB is back, for the rest of its 2 MSL.
      TcpHarness h = new TcpHarness(Profile.RFC9293).timeWait();
      long entered = h.sim.now();
      Connection old = h.conn;
      Listener l = h.stack.listen(TcpHarness.LOCAL_PORT, c -> h.app);
      h.runUntil(entered + 10 * SECOND);
      h.inject(in(5000).flags(SYN).build());
      assertThat(h.sent).hasSize(1);
      h.clearSent();
      h.inject(in(5001).flags(RST).build());
      h.expectNothingSent();
      assertThat(h.stack.connection(ID)).isSameAs(old);
      assertThat(old.state()).isEqualTo(TcpState.TIME_WAIT);
      assertThat(l.synQueueLength()).isZero();
      assertThat(h.stateChanges()).extracting(c -> c.from() + ">" + c.to()).endsWith(
          "TIME-WAIT>CLOSED", "LISTEN>SYN-RECEIVED", "SYN-RECEIVED>TIME-WAIT");
      // The peer's FIN, sent again, gets the old incarnation's ACK, not a RST from the listener.
      h.inject(finIn(IRS + 1, ISS + 2));
      h.expectSent(ackOut(ISS + 2, IRS + 2));
    }

    @Test
    void theReturnedTimeWaitLastsItsFullTwoMsl() {
      TcpHarness h = new TcpHarness(Profile.RFC9293).timeWait();
      long ends = h.sim.now() + 2 * h.config.msl();
      h.stack.listen(TcpHarness.LOCAL_PORT, c -> h.app);
      h.runUntil(h.sim.now() + 10 * SECOND);
      h.inject(in(5000).flags(SYN).build());
      h.inject(in(5001).flags(RST).build());
      h.runUntil(ends - 1);
      h.expectState(TcpState.TIME_WAIT);
      h.runUntil(ends);
      h.expectState(TcpState.CLOSED);
    }

    @Test
    void newSynIsNotAReopenWithoutTimeWaitReuse() {
      TcpHarness h = new TcpHarness(Profile.RFC793).timeWait();
      h.stack.listen(TcpHarness.LOCAL_PORT, c -> h.app);
      h.inject(in(5000).flags(SYN).build());
      h.expectSent(ackOut(ISS + 2, IRS + 2)); // outside the window
      h.expectState(TcpState.TIME_WAIT);
    }

    @Test
    void dataIsIgnored() {
      TcpHarness h = new TcpHarness().timeWait();
      h.inject(dataIn(IRS + 2, ISS + 2, 10));
      assertThat(h.app.data).isEmpty();
      h.expectState(TcpState.TIME_WAIT);
    }

    @Test
    void afterTimeWaitTheTupleAnswersAsClosed() {
      TcpHarness h = new TcpHarness().timeWait();
      h.runUntil(h.sim.now() + 2 * h.config.msl());
      h.inject(finIn(IRS + 1, ISS + 2));
      h.expectSent(rstOut(ISS + 2));
    }
  }
}
