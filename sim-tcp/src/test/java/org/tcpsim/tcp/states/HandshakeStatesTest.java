package org.tcpsim.tcp.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.FIN;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;
import static org.tcpsim.tcp.states.TcpHarness.ID;
import static org.tcpsim.tcp.states.TcpHarness.IRS;
import static org.tcpsim.tcp.states.TcpHarness.ISS;
import static org.tcpsim.tcp.states.TcpHarness.MSS;
import static org.tcpsim.tcp.states.TcpHarness.ackIn;
import static org.tcpsim.tcp.states.TcpHarness.ackOut;
import static org.tcpsim.tcp.states.TcpHarness.in;
import static org.tcpsim.tcp.states.TcpHarness.rstAckOut;
import static org.tcpsim.tcp.states.TcpHarness.rstOut;
import static org.tcpsim.tcp.states.TcpHarness.synOut;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.TcpOptions;
import org.tcpsim.tcp.TcpState;

/**
 * SEGMENT ARRIVES in the states of the three-way handshake (RFC 9293 3.10.7.3, and 3.10.7.4 for
 * SYN-RECEIVED): SYN-SENT and SYN-RECEIVED, one nested class per state. CLOSED and LISTEN are in
 * {@link ClosedAndListenStatesTest}. A (ISS 100) is the host under test, B (ISS 300) its peer.
 */
class HandshakeStatesTest {

  // ===========================================================================================
  @Nested
  class SynSent {
    // RFC 9293 3.10.7.3.

    @ParameterizedTest
    @EnumSource(Profile.class)
    void synAckCompletesTheHandshake(Profile p) {
      TcpHarness h = new TcpHarness(p).synSent();
      h.inject(in(IRS).ack(ISS + 1).flags(SYN).window(700).options(TcpOptions.NONE.withMss(MSS)).build());
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.expectState(TcpState.ESTABLISHED);
      assertThat(h.conn.sndUna()).isEqualTo(ISS + 1);
      assertThat(h.conn.rcvNxt()).isEqualTo(IRS + 1);
      assertThat(h.conn.sndWnd()).as("SND.WND set on entering ESTABLISHED (docs/rfc-notes.md A6)").isEqualTo(700);
      assertThat(h.signals()).containsExactly("connected");
      assertThat(h.app.connected).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void unacceptableAckGetsRstAtSegAck(Profile p) {
      // Acceptable is ISS < SEG.ACK =< SND.NXT (errata 3300): SEG.ACK = ISS and = SND.NXT+1 are not.
      for (int bad : new int[] {ISS, ISS + 2, ISS - 1000}) {
        TcpHarness h = new TcpHarness(p).synSent();
        h.inject(in(IRS).ack(bad).flags(SYN).build());
        h.expectSent(rstOut(bad));
        h.expectState(TcpState.SYN_SENT);
        h.inject(ackIn(IRS, bad));
        h.expectSent(rstOut(bad));
        h.expectState(TcpState.SYN_SENT);
      }
    }

    @Test
    void unacceptableAckWithRstIsDropped() {
      TcpHarness h = new TcpHarness().synSent();
      h.inject(in(IRS).ack(ISS + 5).flags(RST).build());
      h.expectNothingSent();
      h.expectState(TcpState.SYN_SENT);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void rstWithAcceptableAckResetsTheConnection(Profile p) {
      TcpHarness h = new TcpHarness(p).synSent();
      // Any SEG.SEQ: errata 8167 removed the RCV.NXT test (docs/rfc-notes.md A18).
      h.inject(in(12345).ack(ISS + 1).flags(RST).build());
      h.expectNothingSent();
      h.expectState(TcpState.CLOSED);
      assertThat(h.signals()).containsExactly("connection reset");
      assertThat(h.app.closed).containsExactly("connection reset");
      assertThat(h.stack.connection(ID)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void rstWithoutAckIsDropped(Profile p) {
      TcpHarness h = new TcpHarness(p).synSent();
      h.inject(in(IRS).flags(RST).build());
      h.expectNothingSent();
      h.expectState(TcpState.SYN_SENT);
    }

    @Test
    void synWithoutAckIsASimultaneousOpen() {
      // RFC 9293 Figure 7: A answers <SEQ=100><ACK=301><CTL=SYN,ACK> and enters SYN-RECEIVED.
      TcpHarness h = new TcpHarness().synReceivedActive();
      h.inject(in(IRS).ack(ISS + 1).flags(SYN).build()); // B's SYN,ACK (Fig. 7 line 6)
      // Trim first (docs/rfc-notes.md A1): the old SYN is cut off and the ACK completes the handshake.
      // A sends nothing new: line 7 is the line-5 SYN,ACK arriving at B (docs/rfc-notes.md A22).
      h.expectState(TcpState.ESTABLISHED);
      h.expectNothingSent();
      assertThat(h.signals()).containsExactly("connected");
    }

    @Test
    void segmentWithNeitherSynNorRstIsDropped() {
      TcpHarness h = new TcpHarness().synSent();
      h.inject(ackIn(IRS, ISS + 1));
      h.inject(in(IRS).dataLength(5).build());
      h.expectNothingSent();
      h.expectState(TcpState.SYN_SENT);
    }

    @Test
    void dataOnTheSynAckIsDeliveredAfterEstablished() {
      TcpHarness h = new TcpHarness().synSent();
      h.inject(in(IRS).ack(ISS + 1).flags(SYN).dataLength(10).build());
      h.expectState(TcpState.ESTABLISHED);
      assertThat(h.app.bytes()).isEqualTo(10);
      assertThat(h.conn.rcvNxt()).isEqualTo(IRS + 11);
      assertThat(h.sent).last().isEqualTo(ackOut(ISS + 1, IRS + 11));
    }

    @Test
    void finOnTheSynAckGoesToCloseWait() {
      TcpHarness h = new TcpHarness().synSent();
      h.inject(in(IRS).ack(ISS + 1).flags(SYN | FIN).build());
      h.expectState(TcpState.CLOSE_WAIT);
      assertThat(h.conn.rcvNxt()).isEqualTo(IRS + 2);
      assertThat(h.sent).last().isEqualTo(ackOut(ISS + 1, IRS + 2));
      assertThat(h.app.peerClosed).isEqualTo(1);
    }
  }

  // ===========================================================================================
  @Nested
  class SynReceived {
    // RFC 9293 3.10.7.4 for SYN-RECEIVED.

    @ParameterizedTest
    @EnumSource(Profile.class)
    void acceptableAckEntersEstablished(Profile p) {
      TcpHarness h = new TcpHarness(p).synReceived();
      h.inject(in(IRS + 1).ack(ISS + 1).window(800).build());
      h.expectNothingSent();
      h.expectState(TcpState.ESTABLISHED);
      assertThat(h.conn.sndWnd()).isEqualTo(800);
      assertThat(h.listener.synQueueLength()).isZero();
      assertThat(h.app.connected).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void unacceptableAckGetsRstAndStays(Profile p) {
      // docs/rfc-notes.md A5 / errata 3301: acceptable is SND.UNA < SEG.ACK =< SND.NXT.
      TcpHarness h = new TcpHarness(p).synReceived();
      for (int bad : new int[] {ISS, ISS + 2, ISS + 5000}) {
        h.inject(ackIn(IRS + 1, bad));
        h.expectSent(rstOut(bad));
        h.expectState(TcpState.SYN_RECEIVED);
      }
      h.inject(ackIn(IRS + 1, ISS + 1));
      h.expectState(TcpState.ESTABLISHED);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void dataWithTheCompletingAckIsDelivered(Profile p) {
      TcpHarness h = new TcpHarness(p).synReceived();
      h.inject(TcpHarness.dataIn(IRS + 1, ISS + 1, 20));
      h.expectState(TcpState.ESTABLISHED);
      assertThat(h.app.bytes()).isEqualTo(20);
      h.expectSent(ackOut(ISS + 1, IRS + 21));
    }

    @Test
    void finWithTheCompletingAckGoesToCloseWait() {
      TcpHarness h = new TcpHarness().synReceived();
      h.inject(TcpHarness.finIn(IRS + 1, ISS + 1));
      h.expectState(TcpState.CLOSE_WAIT);
      h.expectSent(ackOut(ISS + 1, IRS + 2));
    }

    @Test
    void segmentWithoutAckIsDropped() {
      TcpHarness h = new TcpHarness().synReceived();
      h.inject(in(IRS + 1).dataLength(5).build());
      h.expectNothingSent();
      h.expectState(TcpState.SYN_RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void rstAtRcvNxtReturnsAPassiveConnectionToListen(Profile p) {
      TcpHarness h = new TcpHarness(p).synReceived();
      h.inject(in(IRS + 1).flags(RST).build());
      h.expectNothingSent();
      assertThat(h.stack.connection(ID)).isNull();
      assertThat(h.listener.isOpen()).isTrue();
      assertThat(h.listener.synQueueLength()).isZero();
      assertThat(h.app.closed).isEmpty(); // the application never heard of it
      // The listener still works.
      h.inject(in(IRS + 1000).flags(SYN).build());
      assertThat(h.stack.connection(ID).state()).isEqualTo(TcpState.SYN_RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void rstAtRcvNxtRefusesAnActiveConnection(Profile p) {
      TcpHarness h = new TcpHarness(p).synReceivedActive();
      h.inject(in(IRS + 1).flags(RST).build());
      h.expectNothingSent();
      h.expectState(TcpState.CLOSED);
      assertThat(h.signals()).containsExactly("connection refused");
    }

    @Test
    void rstInWindowButNotAtRcvNxtGetsChallengeAckUnder5961() {
      // docs/rfc-notes.md C14: 5961 applies in SYN-RECEIVED too.
      TcpHarness h = new TcpHarness(Profile.RFC5961).synReceived();
      h.inject(in(IRS + 2).flags(RST).build());
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.expectState(TcpState.SYN_RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"RFC793", "RFC9293"})
    void rstInWindowResetsWithout5961(Profile p) {
      TcpHarness h = new TcpHarness(p).synReceivedActive();
      h.inject(in(IRS + 999).flags(RST).build());
      h.expectNothingSent();
      h.expectState(TcpState.CLOSED);
      assertThat(h.signals()).containsExactly("connection refused");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void rstOutsideTheWindowIsDropped(Profile p) {
      TcpHarness h = new TcpHarness(p).synReceived();
      h.inject(in(IRS).flags(RST).build()); // RCV.NXT - 1
      h.inject(in(IRS + 1 + TcpHarness.WINDOW).flags(RST).build()); // RCV.NXT + RCV.WND
      h.expectNothingSent();
      h.expectState(TcpState.SYN_RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void synInWindowReturnsAPassiveConnectionToListenSilently(Profile p) {
      // docs/rfc-notes.md A11; RFC 1122 4.2.2.20 (e).
      TcpHarness h = new TcpHarness(p).synReceived();
      h.inject(in(IRS + 5).flags(SYN).build());
      h.expectNothingSent();
      assertThat(h.stack.connection(ID)).isNull();
      assertThat(h.listener.synQueueLength()).isZero();
    }

    @Test
    void synInWindowOfAnActiveConnectionGetsChallengeAckUnder5961() {
      TcpHarness h = new TcpHarness(Profile.RFC5961).synReceivedActive();
      h.inject(in(IRS + 5).flags(SYN).build());
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.expectState(TcpState.SYN_RECEIVED);
    }

    @Test
    void synInWindowOfAnActiveConnectionResetsUnder9293() {
      TcpHarness h = new TcpHarness(Profile.RFC9293).synReceivedActive();
      h.inject(in(IRS + 5).flags(SYN).build());
      h.expectSent(rstAckOut(0, IRS + 6));
      h.expectState(TcpState.CLOSED);
      assertThat(h.signals()).containsExactly("connection reset");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void retransmittedSynNeverResetsNorChangesState(Profile p) {
      // docs/rfc-notes.md A14 and A1: an old SYN is trimmed away, never "SYN in window".
      TcpHarness h = new TcpHarness(p).synReceived();
      h.inject(in(IRS).flags(SYN).options(TcpOptions.NONE.withMss(MSS)).build());
      assertThat(h.sent).noneMatch(s -> s.has(RST));
      // Either the empty ACK or nothing (the SYN,ACK timer answers later); never a SYN,ACK within
      // one RTO of the previous copy.
      assertThat(h.sent).isSubsetOf(ackOut(ISS + 1, IRS + 1));
      h.clearSent();
      h.expectState(TcpState.SYN_RECEIVED);
      assertThat(h.listener.synQueueLength()).isEqualTo(1);
    }

    @Test
    void unacceptableSegmentGetsAnAck() {
      TcpHarness h = new TcpHarness().synReceived();
      h.inject(TcpHarness.dataIn(IRS + 1 + TcpHarness.WINDOW, ISS + 1, 10));
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.expectState(TcpState.SYN_RECEIVED);
    }

    @Test
    void synAckRetransmissionsAreLimitedBySynackRetries() {
      TcpHarness h = new TcpHarness(Profile.RFC5961.config().with("synack-retries", "2")).synReceived();
      h.runUntil(org.tcpsim.core.Time.MINUTE);
      // Sent at 1 s and 3 s (RTO 1 s, backed off to 2 s), given up at 7 s.
      assertThat(h.sent).containsExactly(synOut(IRS + 1), synOut(IRS + 1));
      assertThat(h.sentTimes).containsExactly(1_000_000_000L, 3_000_000_000L);
      h.expectState(TcpState.CLOSED);
      assertThat(h.stack.connection(ID)).isNull();
      assertThat(h.listener.synQueueLength()).isZero();
      assertThat(h.stack.counters()).containsEntry("listen.synack-timeout", 1L);
      assertThat(h.stateChanges()).last().satisfies(c -> assertThat(c.time()).isEqualTo(7_000_000_000L));
    }

    @Test
    void retransmittedSynAckIsAcknowledgedByTheSameSegmentAsBefore() {
      TcpHarness h = new TcpHarness().synReceived();
      h.runUntil(1_000_000_000L);
      h.expectSent(synOut(IRS + 1));
      h.inject(ackIn(IRS + 1, ISS + 1));
      h.expectState(TcpState.ESTABLISHED);
      assertThat(h.conn.rtt().rto()).as("RFC 6298 5.7: 3 s after a lost SYN,ACK").isEqualTo(3_000_000_000L);
    }

    @Test
    void ackAndSynAckDontMixUpTheQueuesWithAckFlagHelpers() {
      // The builder's ack() sets the ACK bit (guard against a harness mistake).
      Segment s = ackIn(1, 2);
      assertThat(s.has(ACK)).isTrue();
      assertThat(s.has(SYN)).isFalse();
    }
  }
}
