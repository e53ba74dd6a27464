package org.tcpsim.tcp.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.tcp.TcpFlags.FIN;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;
import static org.tcpsim.tcp.states.TcpHarness.IRS;
import static org.tcpsim.tcp.states.TcpHarness.ISS;
import static org.tcpsim.tcp.states.TcpHarness.RATE_LIMIT;
import static org.tcpsim.tcp.states.TcpHarness.WINDOW;
import static org.tcpsim.tcp.states.TcpHarness.ackIn;
import static org.tcpsim.tcp.states.TcpHarness.ackOut;
import static org.tcpsim.tcp.states.TcpHarness.dataIn;
import static org.tcpsim.tcp.states.TcpHarness.finIn;
import static org.tcpsim.tcp.states.TcpHarness.in;
import static org.tcpsim.tcp.states.TcpHarness.is5961;
import static org.tcpsim.tcp.states.TcpHarness.out;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.TcpState;

/**
 * SEGMENT ARRIVES in ESTABLISHED (RFC 9293 3.10.7.4): segment acceptability (the four cases of
 * 3.4's Table 6), data, the ACK field, and FIN. The checks common to every synchronized state
 * are in {@link EverySynchronizedStateTest}. Numbers as in RFC 9293's figures: A's ISS 100,
 * B's ISS 300, RCV.WND 1000.
 */
class EstablishedStateTest {

  // ===========================================================================================
  @Nested
  class Established {

    // --- RFC 9293 3.4, Table 6: the four cases, with their boundary values -------------------

    @Test
    void lenZeroWindowPositive() {
      // RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND
      TcpHarness h = new TcpHarness().established();
      h.inject(ackIn(IRS, ISS + 1)); // RCV.NXT-1
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.inject(ackIn(IRS + 1, ISS + 1)); // RCV.NXT
      h.expectNothingSent();
      h.inject(ackIn(IRS + WINDOW, ISS + 1)); // RCV.NXT+RCV.WND-1
      h.expectNothingSent();
      h.runFor(RATE_LIMIT); // one ACK per 500 ms for unacceptable pure ACKs (docs/rfc-notes.md A27)
      h.clearSent(); // whatever a timer (a FIN retransmission) sent meanwhile
      h.inject(ackIn(IRS + 1 + WINDOW, ISS + 1)); // RCV.NXT+RCV.WND
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.expectState(TcpState.ESTABLISHED);
    }

    @Test
    void lenZeroWindowZero() {
      // SEG.SEQ = RCV.NXT only.
      TcpHarness h = new TcpHarness().establishedZeroWindow();
      int rcvNxt = IRS + 1 + WINDOW;
      Segment zeroAck = out(ISS + 1).ack(rcvNxt).window(0).build();
      h.inject(ackIn(rcvNxt - 1, ISS + 1));
      h.expectSent(zeroAck);
      h.inject(ackIn(rcvNxt, ISS + 1));
      h.expectNothingSent();
      h.runFor(RATE_LIMIT); // one ACK per 500 ms for unacceptable pure ACKs (docs/rfc-notes.md A27)
      h.clearSent(); // whatever a timer (a FIN retransmission) sent meanwhile
      h.inject(ackIn(rcvNxt + 1, ISS + 1));
      h.expectSent(zeroAck);
      h.expectState(TcpState.ESTABLISHED);
    }

    @Test
    void lenPositiveWindowZero() {
      // Not acceptable; at RCV.NXT the ACK field is still processed and the data thrown away
      // (docs/rfc-notes.md A3).
      TcpHarness h = new TcpHarness().establishedZeroWindow();
      int rcvNxt = IRS + 1 + WINDOW;
      int sndNxt = h.sendData(50, 0);
      Segment zeroAck = out(sndNxt).ack(rcvNxt).window(0).build();
      h.inject(dataIn(rcvNxt + 1, sndNxt, 10)); // RCV.NXT+1: only the ACK reply
      h.expectSent(zeroAck);
      assertThat(h.conn.sndUna()).isEqualTo(ISS + 1);
      h.inject(dataIn(rcvNxt - 1, ISS + 1, 1)); // ends at RCV.NXT-1
      h.expectSent(zeroAck);
      h.inject(dataIn(rcvNxt, sndNxt, 10)); // at RCV.NXT: ACK processed, data dropped
      h.expectSent(zeroAck);
      assertThat(h.conn.sndUna()).isEqualTo(sndNxt);
      assertThat(h.conn.rcvNxt()).isEqualTo(rcvNxt);
      assertThat(h.conn.unread()).isEqualTo(WINDOW);
      h.expectState(TcpState.ESTABLISHED);
    }

    @Test
    void rstInAZeroWindow() {
      // docs/rfc-notes.md A3: at RCV.NXT the RST is processed; anywhere else it is dropped.
      TcpHarness h = new TcpHarness().establishedZeroWindow();
      h.events.clear();
      int rcvNxt = IRS + 1 + WINDOW;
      h.inject(in(rcvNxt + 1).flags(RST).build());
      h.inject(in(rcvNxt - 1).flags(RST).build());
      h.expectNothingSent();
      h.expectState(TcpState.ESTABLISHED);
      h.inject(in(rcvNxt).flags(RST).build());
      h.expectNothingSent();
      h.expectState(TcpState.CLOSED);
      assertThat(h.signals()).containsExactly("connection reset");
    }

    @Test
    void lenPositiveWindowPositive() {
      // RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND or RCV.NXT =< SEG.SEQ+SEG.LEN-1 < RCV.NXT+RCV.WND
      TcpHarness h = new TcpHarness().established();
      h.inject(dataIn(IRS, ISS + 1, 1)); // last octet at RCV.NXT-1: old
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.inject(dataIn(IRS + 1 + WINDOW, ISS + 1, 1)); // first octet at RCV.NXT+RCV.WND
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      assertThat(h.app.bytes()).isZero();

      h.inject(dataIn(IRS + WINDOW, ISS + 1, 1)); // at RCV.NXT+RCV.WND-1: kept out of order
      h.expectSent(ackOut(ISS + 1, IRS + 1)); // immediate duplicate ACK
      h.inject(dataIn(IRS, ISS + 1, 2)); // last octet at RCV.NXT: its new octet is taken
      // The window's right edge stays put; the queued octet takes one octet of buffer.
      h.expectSent(out(ISS + 1).ack(IRS + 2).window(WINDOW - 1).build());
      assertThat(h.app.data).containsExactly(1);
      h.inject(dataIn(IRS + 2, ISS + 1, 10)); // at RCV.NXT
      h.expectSent(out(ISS + 1).ack(IRS + 12).window(IRS + 1 + WINDOW - (IRS + 12)).build());
      assertThat(h.app.data).containsExactly(1, 10);
      h.expectState(TcpState.ESTABLISHED);
    }

    @Test
    void segmentStraddlingTheRightEdgeIsTrimmed() {
      TcpHarness h = new TcpHarness().established();
      h.inject(dataIn(IRS + WINDOW, ISS + 1, 5)); // four octets beyond the window
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.inject(dataIn(IRS + 1, ISS + 1, WINDOW - 1)); // fills the gap exactly
      h.expectSent(ackOut(ISS + 1, IRS + 1 + WINDOW));
      assertThat(h.app.bytes()).isEqualTo(WINDOW);
    }

    @Test
    void rstCarryingDataIsAccepted() {
      // RFC 9293 SHLD-2 (docs/rfc-notes.md C18).
      TcpHarness h = new TcpHarness(Profile.RFC5961).established();
      h.inject(in(IRS + 1).flags(RST).dataLength(20).build());
      h.expectNothingSent();
      h.expectState(TcpState.CLOSED);
    }

    @Test
    void challengeAcksAreRateLimited() {
      // RFC 5961 7: at most challenge-ack-limit (10) per second, per host.
      TcpHarness h = new TcpHarness(Profile.RFC5961).established();
      for (int i = 0; i < 15; i++) {
        h.inject(in(IRS + 2 + i).flags(RST).build());
      }
      assertThat(h.sent).hasSize(10).containsOnly(ackOut(ISS + 1, IRS + 1));
      h.clearSent();
      assertThat(h.stack.counters()).containsEntry("challenge-acks.suppressed", 5L);
      h.runFor(1_000_000_000L);
      h.inject(in(IRS + 5).flags(SYN).build());
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.expectState(TcpState.ESTABLISHED);
    }

    @Test
    void acksOfUnsentDataHaveTheirOwnCountersNotTheChallengeAcks() {
      // RFC 9293 3.10.7.4, fifth check: SEG.ACK > SND.NXT draws an ACK, paced by the host's
      // challenge-ACK budget (docs/rfc-notes.md A27), but it is no RFC 5961 challenge ACK.
      TcpHarness h = new TcpHarness(Profile.RFC9293).established();
      for (int i = 0; i < 15; i++) {
        h.inject(ackIn(IRS + 1, ISS + 50));
      }
      assertThat(h.sent).hasSize(10).containsOnly(ackOut(ISS + 1, IRS + 1));
      h.clearSent();
      assertThat(h.stack.counters())
          .containsEntry("unsent-data-acks.sent", 10L)
          .containsEntry("unsent-data-acks.suppressed", 5L)
          .containsEntry("challenge-acks.sent", 0L)
          .containsEntry("challenge-acks.suppressed", 0L);
    }

    @Test
    void acksOfUnsentDataAndChallengeAcksShareTheHostsBudget() {
      // One host-wide budget (RFC 5961 7, docs/rfc-notes.md A27), counted per rule.
      TcpHarness h = new TcpHarness(Profile.RFC5961).established();
      for (int i = 0; i < 10; i++) {
        h.inject(ackIn(IRS + 1, ISS + 50));
      }
      h.inject(in(IRS + 2).flags(RST).build()); // in the window, not at RCV.NXT
      assertThat(h.sent).hasSize(10);
      h.clearSent();
      assertThat(h.stack.counters())
          .containsEntry("unsent-data-acks.sent", 10L)
          .containsEntry("unsent-data-acks.suppressed", 0L)
          .containsEntry("challenge-acks.sent", 0L)
          .containsEntry("challenge-acks.suppressed", 1L);
      h.expectState(TcpState.ESTABLISHED);
    }

    // --- Data ---------------------------------------------------------------------------------

    @Test
    void inOrderDataIsDeliveredAndAcknowledged() {
      TcpHarness h = new TcpHarness().established();
      h.inject(dataIn(IRS + 1, ISS + 1, 100));
      h.expectSent(ackOut(ISS + 1, IRS + 101));
      assertThat(h.app.data).containsExactly(100);
    }

    @Test
    void duplicateDataGetsAnImmediateAck() {
      TcpHarness h = new TcpHarness().established();
      h.inject(dataIn(IRS + 1, ISS + 1, 100));
      h.expectSent(ackOut(ISS + 1, IRS + 101));
      h.inject(dataIn(IRS + 1, ISS + 1, 100)); // all old
      h.expectSent(ackOut(ISS + 1, IRS + 101));
      h.inject(dataIn(IRS + 51, ISS + 1, 100)); // half old
      h.expectSent(ackOut(ISS + 1, IRS + 151));
      assertThat(h.app.data).containsExactly(100, 50);
    }

    @Test
    void withDelayedAcksDuplicateAndOutOfOrderDataAreStillAcknowledgedAtOnce() {
      // RFC 5681 4.2 / RFC 9293 MAY-13: immediate ACKs for out-of-order and duplicate segments.
      TcpHarness h = new TcpHarness(Profile.RFC5961.config(), true).established();
      h.inject(dataIn(IRS + 1, ISS + 1, 10)); // in order: the ACK may wait
      h.expectNothingSent();
      h.inject(dataIn(IRS + 21, ISS + 1, 10)); // out of order: at once
      // Receiver SWS avoidance (RFC 1122 4.2.3.3): the right edge does not move yet.
      Segment dupAck = out(ISS + 1).ack(IRS + 11).window(WINDOW - 10).build();
      h.expectSent(dupAck);
      h.inject(dataIn(IRS + 1, ISS + 1, 10)); // duplicate: at once
      h.expectSent(dupAck);
      h.inject(dataIn(IRS + 11, ISS + 1, 10)); // fills the gap: at once
      h.expectSent(ackOut(ISS + 1, IRS + 31));
      h.inject(dataIn(IRS + 31, ISS + 1, 10));
      h.expectNothingSent();
      h.runFor(h.config.delayedAckTimeout());
      h.expectSent(ackOut(ISS + 1, IRS + 41)); // the delayed ACK, within MUST-40's 0.5 s
    }

    @Test
    void outOfOrderDataGetsADuplicateAckThenInOrderDeliveryWhenTheGapFills() {
      TcpHarness h = new TcpHarness().established();
      h.inject(dataIn(IRS + 21, ISS + 1, 10));
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.inject(dataIn(IRS + 11, ISS + 1, 10));
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      assertThat(h.app.data).isEmpty();
      h.inject(dataIn(IRS + 1, ISS + 1, 10));
      h.expectSent(ackOut(ISS + 1, IRS + 31));
      assertThat(h.app.data).containsExactly(10, 10, 10);
      assertThat(h.conn.rcvNxt()).isEqualTo(IRS + 31);
    }

    @Test
    void outOfOrderFinTakesEffectWhenTheGapFills() {
      TcpHarness h = new TcpHarness().established();
      h.inject(in(IRS + 11).ack(ISS + 1).flags(FIN).dataLength(5).build());
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.expectState(TcpState.ESTABLISHED);
      h.inject(dataIn(IRS + 1, ISS + 1, 10));
      h.expectSent(ackOut(ISS + 1, IRS + 17));
      h.expectState(TcpState.CLOSE_WAIT);
      assertThat(h.app.bytes()).isEqualTo(15);
      assertThat(h.app.peerClosed).isEqualTo(1);
    }

    // --- ACK field ----------------------------------------------------------------------------

    @Test
    void newAckAdvancesSndUna() {
      TcpHarness h = new TcpHarness().established();
      int end = h.sendData(50);
      h.inject(ackIn(IRS + 1, ISS + 21));
      assertThat(h.conn.sndUna()).isEqualTo(ISS + 21);
      h.inject(ackIn(IRS + 1, end));
      assertThat(h.conn.sndUna()).isEqualTo(end);
      assertThat(h.conn.sendQueue()).isZero();
      h.expectNothingSent();
    }

    @Test
    void windowUpdateWithoutNewAck() {
      // RFC 1122 4.2.2.20 (g): SND.UNA =< SEG.ACK updates the window (docs/rfc-notes.md A7).
      TcpHarness h = new TcpHarness().established();
      h.inject(in(IRS + 1).ack(ISS + 1).window(300).build());
      assertThat(h.conn.sndWnd()).isEqualTo(300);
      h.expectNothingSent();
    }

    @Test
    void ackOfDataNotYetSentDoesNotProcessTheData() {
      // docs/rfc-notes.md A27.
      TcpHarness h = new TcpHarness().established();
      h.inject(dataIn(IRS + 1, ISS + 50, 10));
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      assertThat(h.app.data).isEmpty();
      assertThat(h.conn.rcvNxt()).isEqualTo(IRS + 1);
      assertThat(h.conn.sndUna()).isEqualTo(ISS + 1);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void ackOlderThanMaxSndWnd(Profile p) {
      // RFC 5961 5.2 / MAY-12: (SND.UNA - MAX.SND.WND) =< SEG.ACK, else discard and ACK.
      TcpHarness h = new TcpHarness(p).established();
      h.inject(dataIn(IRS + 1, ISS + 1 - WINDOW - 1, 10));
      if (is5961(p)) {
        h.expectSent(ackOut(ISS + 1, IRS + 1));
        assertThat(h.app.data).isEmpty();
      } else {
        // An old duplicate ACK is ignored, the data taken.
        h.expectSent(ackOut(ISS + 1, IRS + 11));
        assertThat(h.app.data).containsExactly(10);
      }
      h.inject(dataIn(IRS + 1 + (is5961(p) ? 0 : 10), ISS + 1 - WINDOW, 10)); // exactly at the bound
      assertThat(h.app.bytes()).isEqualTo(is5961(p) ? 10 : 20);
    }

    // --- FIN ----------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Profile.class)
    void finGoesToCloseWait(Profile p) {
      TcpHarness h = new TcpHarness(p).established();
      h.events.clear();
      h.inject(finIn(IRS + 1, ISS + 1));
      h.expectSent(ackOut(ISS + 1, IRS + 2));
      h.expectState(TcpState.CLOSE_WAIT);
      assertThat(h.signals()).containsExactly("closing");
      assertThat(h.app.peerClosed).isEqualTo(1);
    }

    @Test
    void finWithDataDeliversTheDataFirst() {
      TcpHarness h = new TcpHarness().established();
      h.inject(in(IRS + 1).ack(ISS + 1).flags(FIN).dataLength(10).build());
      h.expectSent(ackOut(ISS + 1, IRS + 12));
      h.expectState(TcpState.CLOSE_WAIT);
      assertThat(h.app.data).containsExactly(10);
    }

    @Test
    void finBeyondTheWindowIsTrimmedOff() {
      TcpHarness h = new TcpHarness().established();
      h.inject(in(IRS + 1).ack(ISS + 1).flags(FIN).dataLength(WINDOW).build());
      h.expectSent(ackOut(ISS + 1, IRS + 1 + WINDOW));
      h.expectState(TcpState.ESTABLISHED);
    }

    @Test
    void passiveSideReachesTheSameState() {
      TcpHarness h = new TcpHarness().establishedPassive();
      assertThat(h.conn.sndNxt()).isEqualTo(ISS + 1);
      assertThat(h.conn.rcvNxt()).isEqualTo(IRS + 1);
      h.inject(dataIn(IRS + 1, ISS + 1, 5));
      h.expectSent(ackOut(ISS + 1, IRS + 6));
      assertThat(h.app.data).containsExactly(5);
    }
  }
}
