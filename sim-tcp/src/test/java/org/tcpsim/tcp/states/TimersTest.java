package org.tcpsim.tcp.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.core.Time.MINUTE;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;
import static org.tcpsim.tcp.TcpFlags.SYN;
import static org.tcpsim.tcp.states.TcpHarness.IRS;
import static org.tcpsim.tcp.states.TcpHarness.ISS;
import static org.tcpsim.tcp.states.TcpHarness.MSS;
import static org.tcpsim.tcp.states.TcpHarness.ackIn;
import static org.tcpsim.tcp.states.TcpHarness.ackOut;
import static org.tcpsim.tcp.states.TcpHarness.dataOut;
import static org.tcpsim.tcp.states.TcpHarness.in;
import static org.tcpsim.tcp.states.TcpHarness.out;
import static org.tcpsim.tcp.states.TcpHarness.rstOut;
import static org.tcpsim.tcp.states.TcpHarness.synOut;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.trace.UserSignal;

/** Connection-level RFC 6298 behaviour: SYN backoff, the 3 s rule, Karn, and the persist timer. */
class TimersTest {

  static Segment synAck(int window) {
    return in(IRS).ack(ISS + 1).flags(SYN).window(window).build();
  }

  // ===========================================================================================
  @Nested
  class SynRetransmission {
    @Test
    void synIsRetransmittedWithExponentialBackoff() {
      // RFC 6298 2.1 (initial RTO 1 s) and 5.5 (double it): SYN at 0, 1, 3, 7, 15 s.
      TcpHarness h = new TcpHarness().synSent();
      h.runUntil(15 * SECOND);
      assertThat(h.sentTimes).containsExactly(1 * SECOND, 3 * SECOND, 7 * SECOND, 15 * SECOND);
      assertThat(h.sent).containsOnly(synOut(null));
      h.expectState(TcpState.SYN_SENT);
    }

    @Test
    void openFailsAfterR2SynOfThreeMinutes() {
      // RFC 1122 4.2.3.5 / MUST-23: at least 3 minutes of SYN retransmission.
      TcpHarness h = new TcpHarness().synSent();
      h.runUntil(10 * MINUTE);
      assertThat(h.sentTimes).containsExactly(1 * SECOND, 3 * SECOND, 7 * SECOND, 15 * SECOND,
          31 * SECOND, 63 * SECOND, 123 * SECOND);
      h.expectState(TcpState.CLOSED);
      assertThat(h.app.closed).containsExactly("timeout");
      assertThat(h.stateChanges()).last().satisfies(c -> assertThat(c.time()).isEqualTo(183 * SECOND));
    }

    @Test
    void rtoIsThreeSecondsAfterALostSyn() {
      // RFC 6298 5.7, and Karn: the retransmitted SYN gives no sample.
      TcpHarness h = new TcpHarness().synSent();
      h.runUntil(1 * SECOND);
      h.expectSent(synOut(null));
      h.runUntil(1 * SECOND + 200 * MS);
      h.inject(synAck(1000));
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      assertThat(h.conn.rtt().hasSample()).isFalse();
      assertThat(h.conn.rtt().rto()).isEqualTo(3 * SECOND);
      // The first data segment is retransmitted 3 s after it was sent.
      long t = h.sim.now();
      h.sendData(10);
      h.runUntil(t + 3 * SECOND - 1);
      h.expectNothingSent();
      h.runUntil(t + 3 * SECOND);
      h.expectSent(dataOut(ISS + 1, IRS + 1, 10));
    }

    @Test
    void handshakeWithoutLossGivesASample() {
      TcpHarness h = new TcpHarness().synSent();
      h.runUntil(100 * MS);
      h.inject(synAck(1000));
      assertThat(h.conn.rtt().hasSample()).isTrue();
      assertThat(h.conn.rtt().srtt()).isEqualTo(100 * MS);
      assertThat(h.conn.rtt().rto()).isEqualTo(1 * SECOND); // 100 ms + 4 * 50 ms, below the 1 s floor
    }
  }

  // ===========================================================================================
  @Nested
  class DataRetransmission {
    /** ESTABLISHED at 100 ms, with SRTT 100 ms. */
    TcpHarness established() {
      TcpHarness h = new TcpHarness().synSent();
      h.runUntil(100 * MS);
      h.inject(synAck(1000));
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      return h;
    }

    @Test
    void karnNoSampleFromARetransmittedSegment() {
      TcpHarness h = established();
      long t0 = h.sim.now();
      int end = h.sendData(50);
      h.runUntil(t0 + 1 * SECOND);
      h.expectSent(dataOut(ISS + 1, IRS + 1, 50)); // the retransmission
      assertThat(h.conn.rtt().rto()).isEqualTo(2 * SECOND);
      h.runUntil(t0 + 1500 * MS);
      h.inject(ackIn(IRS + 1, end)); // ambiguous: for the original or the copy?
      assertThat(h.conn.rtt().srtt()).as("no sample taken").isEqualTo(100 * MS);
      assertThat(h.conn.rtt().rto()).as("the backed-off RTO is kept").isEqualTo(2 * SECOND);
      // The next, unambiguous segment is timed.
      long t1 = h.sim.now();
      int end2 = h.sendData(10);
      h.runUntil(t1 + 300 * MS);
      h.inject(ackIn(IRS + 1, end2));
      assertThat(h.conn.rtt().srtt()).isEqualTo((7 * 100 * MS + 300 * MS) / 8);
      assertThat(h.conn.rtt().backoffCount()).isZero();
    }

    @Test
    void retransmissionTimerBacksOff() {
      TcpHarness h = established();
      long t0 = h.sim.now();
      h.sendData(50);
      h.runUntil(t0 + 15 * SECOND);
      List<Long> rel = new ArrayList<>();
      h.sentTimes.forEach(t -> rel.add(t - t0));
      assertThat(rel).containsExactly(1 * SECOND, 3 * SECOND, 7 * SECOND, 15 * SECOND);
      assertThat(h.sent).containsOnly(dataOut(ISS + 1, IRS + 1, 50));
    }
  }

  // ===========================================================================================
  @Nested
  class Persist {
    @Test
    void zeroWindowIsProbedAfterOneRtoThenBackedOffAndNeverGivenUp() {
      // RFC 9293 MUST-36, SHLD-29 (first probe after one RTO), SHLD-30 (exponential), and
      // RFC 1122 4.2.2.17: the connection stays open as long as the probes are answered.
      TcpHarness h = new TcpHarness().synSent();
      h.inject(synAck(0));
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      assertThat(h.conn.sndWnd()).isZero();
      long rto = h.conn.rtt().rto();
      assertThat(rto).isEqualTo(1 * SECOND);
      long t0 = h.sim.now();
      h.onSend = s -> {
        if (s.dataLength() == 1) {
          h.sim.schedule(10 * MS, () -> h.inject(in(IRS + 1).ack(ISS + 1).window(0).build()));
        }
      };
      h.conn.send(100);
      h.expectNothingSent();
      h.runUntil(t0 + 30 * MINUTE);
      h.expectState(TcpState.ESTABLISHED);
      Segment probe = out(ISS + 1).ack(IRS + 1).dataLength(1).build();
      assertThat(h.sent).containsOnly(probe);
      List<Long> gaps = new ArrayList<>();
      long prev = t0;
      for (long t : h.sentTimes) {
        gaps.add(t - prev);
        prev = t;
      }
      assertThat(gaps.subList(0, 8)).containsExactly(1 * SECOND, 2 * SECOND, 4 * SECOND,
          8 * SECOND, 16 * SECOND, 32 * SECOND, 60 * SECOND, 60 * SECOND);
      assertThat(gaps.subList(6, gaps.size())).containsOnly(60 * SECOND); // capped by rto-max
      assertThat(h.sent.size()).isGreaterThan(25);
      h.clearSent();
      // The window opens: the data goes, the probing stops.
      h.onSend = s -> { };
      h.inject(in(IRS + 1).ack(ISS + 1).window(1000).build());
      h.expectSent(dataOut(ISS + 1, IRS + 1, 100));
      h.inject(ackIn(IRS + 1, ISS + 101));
      h.runFor(10 * MINUTE);
      h.expectNothingSent();
      assertThat(h.conn.sendQueue()).isZero();
    }

    @Test
    void unansweredProbesEndTheConnectionAfterTheRetries() {
      // RFC 9293 3.8.6.1 keeps the connection while the receiver answers; a peer that dies behind
      // a zero window stops answering, and its probes count as retransmissions do (Linux's
      // tcp_probe_timer). Keep-alive cannot help here: MUST-26 forbids probes with data
      // outstanding. With retries 3: the fourth probe is not sent, the connection times out.
      TcpHarness h = TcpHarness.with(Profile.RFC5961, "retries", "3").synSent();
      h.inject(synAck(0));
      h.expectSent(ackOut(ISS + 1, IRS + 1));
      h.conn.send(100);
      h.runUntil(30 * MINUTE);
      assertThat(h.sent).hasSize(3).containsOnly(out(ISS + 1).ack(IRS + 1).dataLength(1).build());
      h.expectState(TcpState.CLOSED);
      assertThat(h.app.closed).containsExactly("timeout");
    }

    @Test
    void persistIsUsedUnderEveryProfile() {
      for (Profile p : Profile.values()) {
        TcpHarness h = new TcpHarness(p).synSent();
        h.inject(synAck(0));
        h.clearSent();
        h.conn.send(100);
        h.expectNothingSent();
        h.runFor(h.conn.rtt().rto());
        h.expectSent(out(ISS + 1).ack(IRS + 1).dataLength(1).build());
      }
    }
  }

  // ===========================================================================================
  @Nested
  class KeepAlive {
    @Test
    void noProbeGoesOutWhileSentDataIsOutstanding() {
      // RFC 9293 3.8.4, MUST-26: "Keep-alive packets MUST only be sent when no sent data is
      // outstanding". 100 octets stay unacknowledged from 1 s on; only retransmission and R2
      // (set to 1000 s by the application) may decide the connection's fate.
      TcpHarness h = new TcpHarness(Profile.RFC5961.config().with("keepalive", "true")
          .with("keepalive-idle", "30s").with("keepalive-interval", "10s")
          .with("r2", "1000s").with("retries", "255")).established();
      h.runUntil(1 * SECOND);
      h.sendData(100);
      h.runUntil(130 * SECOND);
      assertThat(h.sent).as("only the data, retransmitted").containsOnly(dataOut(ISS + 1, IRS + 1, 100));
      assertThat(h.sentTimes).startsWith(2 * SECOND, 4 * SECOND, 8 * SECOND, 16 * SECOND,
          32 * SECOND, 64 * SECOND);
      h.expectState(TcpState.ESTABLISHED);
      assertThat(h.app.closed).isEmpty();
    }

    @Test
    void probesStartOnceTheOutstandingDataIsAcknowledgedAndTheConnectionIsIdle() {
      // The same connection: the ACK at 40 s ends the outstanding data, and 30 s of silence
      // later the first probe, <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=ACK>, goes out (RFC 1122 4.2.3.6).
      TcpHarness h = new TcpHarness(Profile.RFC5961.config().with("keepalive", "true")
          .with("keepalive-idle", "30s").with("r2", "1000s").with("retries", "255")).established();
      h.runUntil(1 * SECOND);
      h.sendData(100);
      h.runUntil(40 * SECOND);
      h.inject(ackIn(IRS + 1, ISS + 101));
      h.clearSent();
      h.runUntil(70 * SECOND - 1);
      h.expectNothingSent();
      h.runUntil(70 * SECOND);
      h.expectSent(ackOut(ISS + 100, IRS + 1));
    }
  }

  // ===========================================================================================
  @Nested
  class R1 {
    @Test
    void theApplicationHearsOfTheDeliveryProblemAtR1AndTheConnectionGoesOn() {
      // RFC 9293 3.8.3 (e), SHLD-9: "TCP implementations SHOULD inform the application of the
      // delivery problem ... when R1 is reached and before R2." R1 is 3 retransmissions: data
      // sent at 1 s is retransmitted at 2, 4 and 8 s.
      TcpHarness h = new TcpHarness().established();
      h.runUntil(1 * SECOND);
      h.sendData(100);
      h.runUntil(8 * SECOND - 1);
      assertThat(h.signals()).containsExactly("connected");
      h.runUntil(8 * SECOND);
      assertThat(h.signals()).containsExactly("connected", "delivery problem");
      assertThat(h.events).filteredOn(e -> e instanceof UserSignal u
              && u.signal() == TcpSignal.DELIVERY_PROBLEM)
          .extracting(e -> e.time()).containsExactly(8 * SECOND);
      h.expectState(TcpState.ESTABLISHED);
      assertThat(h.app.closed).isEmpty();
    }

    @Test
    void anAbortFromTheSignalIsTheLastThingSent() {
      // The application may act on the news: the retransmission goes before the signal, and after
      // an ABORT from it nothing follows the RST.
      TcpHarness h = new TcpHarness().established();
      h.conn.setHandler(new SocketHandler() {
        @Override
        public void deliveryProblem(Connection c) {
          c.abort();
        }
      });
      h.runUntil(1 * SECOND);
      h.sendData(100);
      h.runUntil(60 * SECOND);
      assertThat(h.sent).containsExactly(dataOut(ISS + 1, IRS + 1, 100),
          dataOut(ISS + 1, IRS + 1, 100), dataOut(ISS + 1, IRS + 1, 100), rstOut(ISS + 101));
      h.expectState(TcpState.CLOSED);
    }

    @Test
    void theApplicationCanTurnTheSignalOff() {
      // "... (unless such information has been disabled by the application ...)"
      TcpHarness h = TcpHarness.with(Profile.RFC5961, "r1-signal", "false").established();
      h.runUntil(1 * SECOND);
      h.sendData(100);
      h.runUntil(20 * SECOND);
      assertThat(h.signals()).containsExactly("connected");
    }
  }

  // ===========================================================================================
  @Nested
  class RestartAfterIdle {
    /** ESTABLISHED with a large cwnd: 20 segments sent and each acknowledged on its own. */
    TcpHarness grown(TcpHarness h) {
      h.conn.send(20 * MSS);
      for (int round = 0; round < 10 && !h.sent.isEmpty(); round++) {
        List<Segment> flight = new ArrayList<>(h.sent);
        h.clearSent();
        for (Segment s : flight) {
          h.inject(in(IRS + 1).ack(s.seq() + s.dataLength()).window(65535).build());
        }
      }
      assertThat(h.conn.sendQueue()).isZero();
      assertThat(h.conn.congestionControl().cwnd()).isGreaterThan(20 * MSS);
      h.clearSent();
      return h;
    }

    @Test
    void afterMoreThanAnRtoWithoutSendingCwndRestartsFromTheInitialWindow() {
      // RFC 5681 4.1: "a TCP SHOULD set cwnd to no more than RW before beginning transmission if
      // the TCP has not sent data in an interval exceeding the retransmission timeout", RW =
      // min(IW, cwnd); IW is 4 segments of 536 octets (RFC 5681 3.1). The RTO is 1 s.
      TcpHarness h = grown(new TcpHarness().established());
      h.runUntil(h.sim.now() + 3300 * MS);
      h.conn.send(20_000);
      assertThat(h.sent).hasSize(4);
      assertThat(h.conn.congestionControl().cwnd()).isEqualTo(4 * MSS);
    }

    @Test
    void withinAnRtoTheWindowIsKept() {
      TcpHarness h = grown(new TcpHarness().established());
      h.runUntil(h.sim.now() + 900 * MS);
      h.conn.send(20_000);
      assertThat(h.sent).hasSizeGreaterThan(20);
    }

    @Test
    void theSettingTurnsItOffAsLinuxDefaultsDo() {
      // net.ipv4.tcp_slow_start_after_idle=0 in packetdrill's defaults.sh.
      TcpHarness h = grown(TcpHarness.with(Profile.RFC5961, "slow-start-after-idle", "false")
          .established());
      h.runUntil(h.sim.now() + 3300 * MS);
      h.conn.send(20_000);
      assertThat(h.sent).hasSizeGreaterThan(20);
    }
  }
}
