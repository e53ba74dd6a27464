package org.tcpsim.tcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.PacketHandler;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.trace.SegmentDropped;
import org.tcpsim.tcp.trace.SegmentSent;

/** End-to-end regressions for two bugs PropertyTest found in the ACKs a connection sends. */
class AckRegressionTest {
  private final Harness h = new Harness(5);
  private final Host a = h.host("A", "10.0.0.1");
  private final Host b = h.host("B", "10.0.0.2");
  private final Endpoint epA = new Endpoint(a.address(), 1024);
  private final Endpoint epB = new Endpoint(b.address(), 80);

  {
    h.net.connect(a, b, ChannelConfig.of(10_000_000, 10 * MS));
  }

  private Connection[] connect(TcpConfig cfg) {
    TcpStack ta = TcpStack.install(h.net, a, cfg.with("iss", "1000"));
    TcpStack tb = TcpStack.install(h.net, b, cfg.with("iss", "5000"));
    Connection[] conns = new Connection[2];
    tb.listen(80, c -> {
      conns[1] = c;
      return new SocketHandler() {};
    });
    conns[0] = ta.open(epA.port(), epB, new SocketHandler() {});
    h.sim.runUntil(100 * MS);
    return conns;
  }

  /**
   * After a retransmission timeout rewinds SND.NXT (go-back-N), a pure ACK must still carry the
   * highest sequence number sent (the RFC's SND.NXT). Here both ends lose their first data
   * segment and time out 5 ms apart; each end's retransmission fills the other's hole, and the
   * ACKs that follow, stamped with a rewound SND.NXT, would lie before the peer's RCV.NXT: found
   * unacceptable, their ACK fields were never processed and the two ends traded ACKs until R2.
   */
  @Test
  void pureAcksAfterATimeoutCarryTheHighestSequenceNumberSent() {
    Connection[] c = connect(TcpConfig.defaults());
    for (Host host : List.of(a, b)) {
      PacketHandler inner = host.handler();
      int firstData = host == b ? 1001 : 5001; // the first data octet of the peer
      boolean[] dropped = new boolean[1];
      host.setHandler(p -> {
        if (!dropped[0] && p.payload() instanceof Segment s && s.seq() == firstData && s.dataLength() > 0) {
          dropped[0] = true;
          return;
        }
        inner.receive(p);
      });
    }
    long t = h.sim.now();
    c[0].send(3 * 536);
    h.sim.schedule(5 * MS, () -> c[1].send(3 * 536));
    h.sim.runUntil(t + 1200 * MS);

    int sndMaxA = 1001 + 3 * 536;
    int sndMaxB = 5001 + 3 * 536;
    // Both timed out (one retransmission each) and both ends now have everything acknowledged.
    assertThat(c[0].segmentsRetransmitted()).isEqualTo(1);
    assertThat(c[1].segmentsRetransmitted()).isEqualTo(1);
    assertThat(c[0].sndUna()).isEqualTo(sndMaxA);
    assertThat(c[1].sndUna()).isEqualTo(sndMaxB);
    for (SegmentSent s : h.sentEvents("A")) {
      if (s.time() > t + SECOND && s.segment().dataLength() == 0) {
        assertThat(s.segment().seq()).isEqualTo(sndMaxA);
      }
    }
    for (SegmentSent s : h.sentEvents("B")) {
      if (s.time() > t + SECOND && s.segment().dataLength() == 0) {
        assertThat(s.segment().seq()).isEqualTo(sndMaxB);
      }
    }
    assertThat(h.events).noneMatch(e -> e instanceof SegmentDropped d && d.reason().text().equals("out-of-window"));
  }

  /**
   * Two ends whose sequence numbers no longer agree (each accepted 100 octets the other never
   * sent) must not answer each other's ACKs for ever (the ACK loop of RFC 1337 H2, docs/rfc-notes.md
   * A27): an unacceptable pure ACK is answered at most once per 500 ms per connection.
   */
  @Test
  void desynchronizedEndsDoNotTradeAcksForever() {
    desync(Profile.RFC9293.config());
  }

  @Test
  void desynchronizedEndsDoNotTradeAcksForeverWithRfc5961() {
    desync(Profile.RFC5961.config());
  }

  private void desync(TcpConfig cfg) {
    Connection[] c = connect(cfg);
    long t = h.sim.now();
    // Forged data at exactly RCV.NXT, crafted at each end's host (injected, not sent by its TCP)
    // for the other end: both take it, and from
    // then on every pure ACK of either end lies before the other's RCV.NXT.
    TcpStack ta = (TcpStack) a.handler();
    TcpStack tb = (TcpStack) b.handler();
    ta.inject(epA, epB, Segment.builder().ports(epA.port(), epB.port()).seq(c[1].rcvNxt())
        .ack(c[1].sndNxt()).window(65535).dataLength(100).build(), "forged data");
    tb.inject(epB, epA, Segment.builder().ports(epB.port(), epA.port()).seq(c[0].rcvNxt())
        .ack(c[0].sndNxt()).window(65535).dataLength(100).build(), "forged data");
    h.sim.runUntil(t + 60 * SECOND);
    long lateA = h.sentEvents("A").stream().filter(s -> s.time() > t + 5 * SECOND).count();
    long lateB = h.sentEvents("B").stream().filter(s -> s.time() > t + 5 * SECOND).count();
    assertThat(lateA + lateB).as("segments sent after the first 5 s").isZero();
    assertThat(h.sentEvents("A").size() + h.sentEvents("B").size()).isLessThan(20);
  }
}
