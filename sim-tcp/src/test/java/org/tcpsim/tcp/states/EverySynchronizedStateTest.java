package org.tcpsim.tcp.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;
import static org.tcpsim.tcp.states.TcpHarness.ID;
import static org.tcpsim.tcp.states.TcpHarness.IRS;
import static org.tcpsim.tcp.states.TcpHarness.ISS;
import static org.tcpsim.tcp.states.TcpHarness.RATE_LIMIT;
import static org.tcpsim.tcp.states.TcpHarness.ackIn;
import static org.tcpsim.tcp.states.TcpHarness.ackOut;
import static org.tcpsim.tcp.states.TcpHarness.dataIn;
import static org.tcpsim.tcp.states.TcpHarness.finIn;
import static org.tcpsim.tcp.states.TcpHarness.in;
import static org.tcpsim.tcp.states.TcpHarness.is5961;
import static org.tcpsim.tcp.states.TcpHarness.rstAckOut;
import static org.tcpsim.tcp.states.TcpHarness.rstOut;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.TcpState;

/**
 * SEGMENT ARRIVES in the synchronized states (RFC 9293 3.10.7.4): the rules every one of them
 * shares (RST and SYN checks, RFC 5961 challenge ACKs, unacceptable segments, ACKs of data not yet
 * sent), checked in ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK and
 * TIME-WAIT under every profile. The state-specific steps are in {@link EstablishedStateTest} and
 * {@link ClosingStatesTest}. Numbers as in RFC 9293's figures: A's ISS 100, B's ISS 300,
 * RCV.WND 1000.
 */
class EverySynchronizedStateTest {
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
    @MethodSource("org.tcpsim.tcp.states.EverySynchronizedStateTest#statesAndProfiles")
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
    @MethodSource("org.tcpsim.tcp.states.EverySynchronizedStateTest#statesAndProfiles")
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
    @MethodSource("org.tcpsim.tcp.states.EverySynchronizedStateTest#statesAndProfiles")
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
    @MethodSource("org.tcpsim.tcp.states.EverySynchronizedStateTest#statesAndProfiles")
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
    @MethodSource("org.tcpsim.tcp.states.EverySynchronizedStateTest#statesAndProfiles")
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
    @MethodSource("org.tcpsim.tcp.states.EverySynchronizedStateTest#statesAndProfiles")
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
    @MethodSource("org.tcpsim.tcp.states.EverySynchronizedStateTest#statesAndProfiles")
    void synOutsideTheWindowGetsAnAck(Fixture f, Profile p) {
      TcpHarness h = make(f, p);
      h.inject(in(f.rcvNxt() + 5000).flags(SYN).build());
      h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
      h.expectState(f.state());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.EverySynchronizedStateTest#statesAndProfiles")
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
    @MethodSource("org.tcpsim.tcp.states.EverySynchronizedStateTest#statesAndProfiles")
    void ackOfSomethingNotYetSentGetsAnAckAndIsDropped(Fixture f, Profile p) {
      TcpHarness h = make(f, p);
      h.inject(ackIn(f.rcvNxt(), f.sndNxt() + 1));
      h.expectSent(ackOut(f.sndNxt(), f.rcvNxt()));
      h.expectState(f.state());
      assertThat(h.conn.sndUna()).isLessThanOrEqualTo(f.sndNxt());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.tcpsim.tcp.states.EverySynchronizedStateTest#statesAndProfiles")
    void segmentWithoutAckIsDropped(Fixture f, Profile p) {
      TcpHarness h = make(f, p);
      h.inject(in(f.rcvNxt()).dataLength(3).build());
      h.expectNothingSent();
      h.expectState(f.state());
      assertThat(h.conn.rcvNxt()).isEqualTo(f.rcvNxt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tcpsim.tcp.states.EverySynchronizedStateTest#states")
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
}
