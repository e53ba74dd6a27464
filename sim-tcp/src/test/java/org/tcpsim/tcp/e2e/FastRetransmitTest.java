package org.tcpsim.tcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.PacketHandler;
import org.tcpsim.core.net.QueueLimit;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SeqNum;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.trace.SegmentReceived;
import org.tcpsim.tcp.trace.SegmentSent;
import org.tcpsim.tcp.trace.TimerFired;

/**
 * RFC 5681 3.2 at connection level: one data segment of a bulk transfer is lost (its first copy
 * only); the receiver's duplicate ACKs make the NewReno (and Reno) sender retransmit it after the
 * third duplicate ACK, without waiting for the retransmission timer.
 */
class FastRetransmitTest {
  private static final int MSS = 1460;

  /** The ISS of A, so the lost segment's sequence number is known before the run. */
  private static final int ISS = 1000;
  /** The 20th data segment's first copy is lost on its way to B. */
  private static final int LOST_SEQ = ISS + 1 + 19 * MSS;

  @ParameterizedTest
  @ValueSource(strings = {"newreno", "reno"})
  void aSingleLossIsRepairedByFastRetransmitNotByTimeout(String algorithm) {
    Run run = transferWithOneLoss(algorithm);
    Harness h = run.h();
    Connection ca = run.ca();

    assertThat(run.dropped()[0]).isTrue();
    assertThat(run.got().toByteArray()).isEqualTo(run.data());
    assertThat(ca.state()).isIn(TcpState.TIME_WAIT, TcpState.CLOSED);

    // Exactly one retransmission, of the lost segment, caused by the third duplicate ACK.
    List<SegmentSent> retransmissions = new ArrayList<>();
    long firstSent = -1;
    for (SegmentSent s : h.sentEvents("A")) {
      if (s.segment().seq() == LOST_SEQ && s.segment().dataLength() > 0) {
        if (firstSent < 0) {
          firstSent = s.time();
        } else {
          retransmissions.add(s);
        }
      }
    }
    assertThat(retransmissions).hasSize(1);
    SegmentSent fr = retransmissions.get(0);
    assertThat(fr.cause()).containsIgnoringCase("fast retransmit").contains("RFC 5681");
    assertThat(run.ta().counters().get("segments.retransmitted")).isEqualTo(1);
    assertThat(ca.segmentsRetransmitted()).isEqualTo(1);
    // No retransmission timeout at all (RTO >= 1 s; the repair took about one RTT).
    assertThat(h.events).noneMatch(e -> e instanceof TimerFired t && t.host().equals("A")
        && t.timer().equals("retransmit"));
    assertThat(fr.time() - firstSent).isLessThan(100 * MS);

    assertThreeDuplicateAcksCausedIt(h, fr);
    // RFC 5681 3.2 step 2: ssthresh = max(FlightSize / 2, 2*SMSS) once recovery began.
    assertThat(ca.congestionControl().ssthresh()).isLessThan(65535).isGreaterThanOrEqualTo(2 * MSS);
    assertThat(SeqNum.diff(ca.sndUna(), ISS)).isEqualTo(run.data().length + 2);
  }

  /** A finished run: what B's application got, and whether the loss happened. */
  private record Run(Harness h, TcpStack ta, Connection ca, byte[] data,
      ByteArrayOutputStream got, boolean[] dropped) {}

  /** A sends 200,000 bytes to B and closes; the first copy of one segment is lost. */
  private static Run transferWithOneLoss(String algorithm) {
    Harness h = new Harness(11);
    Host a = h.host("A", "10.0.0.1");
    Host b = h.host("B", "10.0.0.2");
    h.net.connect(a, b, ChannelConfig.of(100_000_000, 10 * MS).withQueue(QueueLimit.UNLIMITED));
    TcpConfig cfg = TcpConfig.defaults().with("mss", Integer.toString(MSS))
        .with("congestion", algorithm);
    TcpStack ta = TcpStack.install(h.net, a, cfg);
    TcpStack tb = TcpStack.install(h.net, b, cfg);
    tb.setIsnGenerator(Harness.isns(5000));
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    tb.listen(80, c -> new SocketHandler() {
      @Override
      public void data(Connection c, int n, byte[] d) {
        got.writeBytes(d);
      }

      @Override
      public void peerClosed(Connection c) {
        c.close();
      }
    });
    boolean[] dropped = dropFirstCopy(b);
    byte[] data = new byte[200_000];
    new Random(1).nextBytes(data);
    Connection ca = ta.open(1024, new Endpoint(b.address(), 80), new SocketHandler() {
      @Override
      public void connected(Connection c) {
        c.send(data);
        c.close();
      }
    }, ISS);
    h.sim.runUntil(60 * SECOND);
    return new Run(h, ta, ca, data, got, dropped);
  }

  /** Drops the first data segment at {@link #LOST_SEQ} that reaches {@code b}; true once it has. */
  private static boolean[] dropFirstCopy(Host b) {
    PacketHandler inner = b.handler();
    boolean[] dropped = new boolean[1];
    b.setHandler(p -> {
      if (!dropped[0] && p.payload() instanceof Segment s && s.seq() == LOST_SEQ && s.dataLength() > 0) {
        dropped[0] = true;
        return;
      }
      inner.receive(p);
    });
    return dropped;
  }

  /**
   * What A heard up to the fast retransmit {@code fr}: the ACK that moved SND.UNA to the hole,
   * then exactly three duplicates of it (RFC 5681 section 2: no data, same window, outstanding
   * data), and B sent them at once, one per out-of-order segment (RFC 5681 4.2).
   */
  private static void assertThreeDuplicateAcksCausedIt(Harness h, SegmentSent fr) {
    List<SegmentReceived> acksForHole = new ArrayList<>();
    for (TraceEvent e : h.events) {
      if (e instanceof SegmentReceived r && r.host().equals("A") && e.time() <= fr.time()
          && r.segment().ack() == LOST_SEQ) {
        acksForHole.add(r);
      }
    }
    assertThat(acksForHole).hasSize(4);
    assertThat(acksForHole).allSatisfy(r -> {
      assertThat(r.segment().dataLength()).isZero();
      assertThat(r.segment().window()).isEqualTo(acksForHole.get(0).segment().window());
    });
    assertThat(acksForHole.get(3).time()).isEqualTo(fr.time());
    long dupAcksFromB = h.sentEvents("B").stream()
        .filter(s -> s.segment().ack() == LOST_SEQ && s.time() < fr.time()).count();
    assertThat(dupAcksFromB).isGreaterThanOrEqualTo(4);
  }
}
