package org.tcpsim.tcp.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.FIN;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;
import static org.tcpsim.tcp.states.TcpHarness.ID;
import static org.tcpsim.tcp.states.TcpHarness.IRS;
import static org.tcpsim.tcp.states.TcpHarness.ISS;
import static org.tcpsim.tcp.states.TcpHarness.WINDOW;
import static org.tcpsim.tcp.states.TcpHarness.ackIn;
import static org.tcpsim.tcp.states.TcpHarness.ackOut;
import static org.tcpsim.tcp.states.TcpHarness.dataIn;
import static org.tcpsim.tcp.states.TcpHarness.finIn;
import static org.tcpsim.tcp.states.TcpHarness.in;
import static org.tcpsim.tcp.states.TcpHarness.out;
import static org.tcpsim.tcp.states.TcpHarness.rstAckOut;
import static org.tcpsim.tcp.states.TcpHarness.rstOut;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.Listener;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SeqNum;
import org.tcpsim.tcp.TcpState;

/**
 * SEGMENT ARRIVES in the synchronized states (RFC 9293 3.10.7.4): one nested class per state,
 * plus the RST / SYN / unacceptable-segment rules checked in every state under every profile.
 * Numbers as in RFC 9293's figures: A's ISS 100, B's ISS 300, RCV.WND 1000.
 */
class SynchronizedStatesTest {
  /** The least time between two ACKs answering unacceptable pure ACKs (500 ms, like Linux). */
  private static final long RATE_LIMIT = 500 * org.tcpsim.core.Time.MS;


  /** The profiles with RFC 5961 (challenge ACKs for in-window RST and SYN). */
  static boolean is5961(Profile p) {
    return p == Profile.RFC5961 || p == Profile.LINUX;
  }

  /** One synchronized state: how to build it and A's SND.NXT and RCV.NXT there. */
  record Fixture(TcpState state, Function<TcpHarness, TcpHarness> make, int sndNxt, int rcvNxt) {
    @Override
    public String toString() {
      return state.toString();
    }
  }

  static final List<Fixture> FIXTURES = List.of(
      new Fixture(TcpState.ESTABLISHED, TcpHarness::established, ISS + 1, IRS + 1),
      new Fixture(TcpState.FIN_WAIT_1, TcpHarness::finWait1, ISS + 2, IRS + 1),
      new Fixture(TcpState.FIN_WAIT_2, TcpHarness::finWait2, ISS + 2, IRS + 1),
      new Fixture(TcpState.CLOSE_WAIT, TcpHarness::closeWait, ISS + 1, IRS + 2),
      new Fixture(TcpState.CLOSING, TcpHarness::closing, ISS + 2, IRS + 2),
      new Fixture(TcpState.LAST_ACK, TcpHarness::lastAck, ISS + 2, IRS + 2),
      new Fixture(TcpState.TIME_WAIT, TcpHarness::timeWait, ISS + 2, IRS + 2));

  static Stream<Arguments> statesAndProfiles() {
    List<Arguments> all = new ArrayList<>();
    for (Fixture f : FIXTURES) {
      for (Profile p : Profile.values()) {
        all.add(Arguments.of(f, p));
      }
    }
    return all.stream();
  }

  static Stream<Fixture> states() {
    return FIXTURES.stream();
  }

  static TcpHarness make(Fixture f, Profile p) {
    TcpHarness h = f.make().apply(new TcpHarness(p));
    assertThat(h.conn.sndNxt()).isEqualTo(f.sndNxt());
    assertThat(h.conn.rcvNxt()).isEqualTo(f.rcvNxt());
    h.events.clear();
    return h;
  }

  // ===========================================================================================
  /** The rules every synchronized state shares, under every profile. */
  @Nested
  class EverySynchronizedState {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.SynchronizedStatesTest#statesAndProfiles")
    void rstAtRcvNxt(Fixture f, Profile p) {
      TcpHarness h = make(f, p);
      h.inject(in(f.rcvNxt()).flags(RST).build());
      h.expectNothingSent();
      if (f.state() == TcpState.TIME_WAIT && p == Profile.RFC5961) {
        h.expectState(TcpState.TIME_WAIT); // RFC 1337 F1 (docs/rfc-notes.md A15)
        assertThat(h.drops()).extracting(d -> d.reason().text()).containsExactly("rst");
      } else {
        h.expectState(TcpState.CLOSED);
        assertThat(h.stack.connection(ID)).isNull();
        if (f.state() != TcpState.TIME_WAIT && f.state() != TcpState.CLOSING
            && f.state() != TcpState.LAST_ACK) {
          assertThat(h.signals()).containsExactly("connection reset");
        }
      }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.SynchronizedStatesTest#statesAndProfiles")
    void rstInWindowNotAtRcvNxt(Fixture f, Profile p) {
      for (int offset : new int[] {1, -1}) {
        TcpHarness h = make(f, p);
        int wnd = h.conn.rcvWnd();
        int seq = offset == 1 ? f.rcvNxt() + 1 : f.rcvNxt() + wnd - 1; // RCV.NXT+1, RCV.NXT+RCV.WND-1
        h.inject(in(seq).flags(RST).build());
        if (is5961(p)) {
          // RFC 5961 3.2: challenge ACK <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>.
          h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
          h.expectState(f.state());
        } else {
          h.expectNothingSent();
          h.expectState(TcpState.CLOSED);
        }
      }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.SynchronizedStatesTest#statesAndProfiles")
    void rstOutsideTheWindowIsDropped(Fixture f, Profile p) {
      TcpHarness h = make(f, p);
      int wnd = h.conn.rcvWnd();
      h.inject(in(f.rcvNxt() - 1).flags(RST).build()); // RCV.NXT-1
      h.inject(in(f.rcvNxt() + wnd).flags(RST).build()); // RCV.NXT+RCV.WND
      h.inject(in(f.rcvNxt() - 1).ack(f.sndNxt()).flags(RST).build());
      h.expectNothingSent();
      h.expectState(f.state());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.SynchronizedStatesTest#statesAndProfiles")
    void synInWindow(Fixture f, Profile p) {
      TcpHarness h = make(f, p);
      int seq = f.rcvNxt() + 1;
      h.inject(in(seq).flags(SYN).build());
      if (is5961(p)) {
        // RFC 5961 4.2: challenge ACK, nothing else.
        h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
        h.expectState(f.state());
      } else if (f.state() == TcpState.TIME_WAIT && p == Profile.RFC9293) {
        // docs/rfc-notes.md A19: a SYN in TIME-WAIT gets the ACK, never a RST.
        h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
        h.expectState(TcpState.TIME_WAIT);
      } else {
        // docs/rfc-notes.md A12: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> for a SYN without ACK.
        h.expectSent(rstAckOut(0, seq + 1));
        h.expectState(TcpState.CLOSED);
        assertThat(h.signals()).containsExactly("connection reset");
      }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.SynchronizedStatesTest#statesAndProfiles")
    void synAckInWindow(Fixture f, Profile p) {
      TcpHarness h = make(f, p);
      h.inject(in(f.rcvNxt()).ack(f.sndNxt()).flags(SYN).build());
      if (is5961(p) || (f.state() == TcpState.TIME_WAIT && p == Profile.RFC9293)) {
        h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
        h.expectState(f.state());
      } else {
        h.expectSent(rstOut(f.sndNxt())); // <SEQ=SEG.ACK><CTL=RST>
        h.expectState(TcpState.CLOSED);
      }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.SynchronizedStatesTest#statesAndProfiles")
    void oldSynAckIsTrimmedAndAcknowledged(Fixture f, Profile p) {
      // docs/rfc-notes.md A1: B's SYN,ACK again (lost ACK); trimmed, it is an old duplicate.
      TcpHarness h = make(f, p);
      h.inject(in(IRS).ack(ISS + 1).flags(SYN).build());
      if (f.state() == TcpState.TIME_WAIT) {
        // Not a FIN: an acceptable segment without new data in TIME-WAIT is not answered (A20).
        assertThat(h.sent).isSubsetOf(ackOut(f.sndNxt(), f.rcvNxt()));
        h.clearSent();
      } else {
        h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
      }
      h.expectState(f.state());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.SynchronizedStatesTest#statesAndProfiles")
    void synOutsideTheWindowGetsAnAck(Fixture f, Profile p) {
      TcpHarness h = make(f, p);
      h.inject(in(f.rcvNxt() + 5000).flags(SYN).build());
      h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
      h.expectState(f.state());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.SynchronizedStatesTest#statesAndProfiles")
    void unacceptableSegmentsGetAnAck(Fixture f, Profile p) {
      TcpHarness h = make(f, p);
      int wnd = h.conn.rcvWnd();
      h.inject(dataIn(f.rcvNxt() + wnd, f.sndNxt(), 10)); // at RCV.NXT+RCV.WND
      h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
      h.inject(ackIn(f.rcvNxt() - 1, f.sndNxt())); // LEN=0 at RCV.NXT-1
      h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
      h.runFor(RATE_LIMIT); // one ACK per 500 ms for unacceptable pure ACKs (docs/rfc-notes.md A27)
      h.clearSent(); // whatever a timer (a FIN retransmission) sent meanwhile
      h.inject(ackIn(f.rcvNxt() + wnd, f.sndNxt())); // LEN=0 at RCV.NXT+RCV.WND
      h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
      h.expectState(f.state());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.SynchronizedStatesTest#statesAndProfiles")
    void ackOfSomethingNotYetSentGetsAnAckAndIsDropped(Fixture f, Profile p) {
      TcpHarness h = make(f, p);
      h.inject(ackIn(f.rcvNxt(), f.sndNxt() + 1));
      h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
      h.expectState(f.state());
      assertThat(h.conn.sndUna()).isLessThanOrEqualTo(f.sndNxt());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.SynchronizedStatesTest#statesAndProfiles")
    void segmentWithoutAckIsDropped(Fixture f, Profile p) {
      TcpHarness h = make(f, p);
      h.inject(in(f.rcvNxt()).dataLength(3).build());
      h.expectNothingSent();
      h.expectState(f.state());
      assertThat(h.conn.rcvNxt()).isEqualTo(f.rcvNxt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tcpsim.tcp.states.SynchronizedStatesTest#states")
    void retransmittedFinIsAcknowledgedAfterTheFinArrived(Fixture f) {
      if (f.rcvNxt() != IRS + 2) {
        return; // only the states that have B's FIN
      }
      TcpHarness h = make(f, Profile.RFC5961);
      // B's FIN again, with the ACK field B sent it with.
      h.inject(finIn(IRS + 1, f.state() == TcpState.TIME_WAIT ? ISS + 2 : ISS + 1));
      h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
      h.expectState(f.state());
      assertThat(h.app.peerClosed).isEqualTo(1); // told once only
    }
  }

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
