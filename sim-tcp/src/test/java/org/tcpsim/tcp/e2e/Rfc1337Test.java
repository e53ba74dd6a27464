package org.tcpsim.tcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.trace.SegmentDropped;

/**
 * TIME-WAIT assassination (RFC 1337): A closes first and sits in TIME-WAIT; then a RST for the
 * old connection arrives, exactly at RCV.NXT. Under rfc9293 (RFC 793's rule) it ends TIME-WAIT
 * at once; under rfc5961 (RFC 1337 F1, docs/rfc-notes.md A15) it is ignored and TIME-WAIT lasts its
 * full 2 MSL.
 */
class Rfc1337Test {
  private static final long DELAY = 10 * MS;

  private record Run(Harness h, Connection a, ConnectionId idA, long rstAt, TcpConfig cfg) {}

  private Run assassinate(Profile profile, int rstOffset) {
    Harness h = new Harness(3);
    Host a = h.host("A", "10.0.0.1");
    Host b = h.host("B", "10.0.0.2");
    h.net.connect(a, b, ChannelConfig.of(10_000_000, DELAY));
    TcpConfig cfg = profile.config();
    TcpStack ta = TcpStack.install(h.net, a, cfg);
    TcpStack tb = TcpStack.install(h.net, b, cfg);
    Endpoint epB = new Endpoint(b.address(), 80);
    tb.listen(80, c -> new SocketHandler() {
      @Override
      public void peerClosed(Connection c) {
        c.close();
      }
    });
    Connection ca = ta.open(1024, epB, new SocketHandler() {
      @Override
      public void connected(Connection c) {
        c.send(1000);
        c.close();
      }
    });
    h.sim.runUntil(5 * SECOND);
    assertThat(ca.state()).isEqualTo(TcpState.TIME_WAIT);
    assertThat(tb.connections()).isEmpty(); // B went LAST-ACK -> CLOSED
    long t = h.sim.now();
    // A RST for the old connection: an old duplicate, or a RST B sends in answer to some old
    // segment (RFC 1337 H1-H3).
    Segment rst = Segment.builder().ports(80, 1024).seq(ca.rcvNxt() + rstOffset).flags(TcpFlags.RST)
        .build();
    tb.inject(epB, ca.id().local(), rst, "RST into TIME-WAIT (RFC 1337)");
    h.sim.runUntil(t + 2 * cfg.msl() + SECOND);
    return new Run(h, ca, ca.id(), t, cfg);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rfc9293", "rfc793"})
  void aRstInTimeWaitClosesItWithoutRfc1337(String profile) {
    Run r = assassinate(Profile.parse(profile), 0);
    assertThat(r.a.state()).isEqualTo(TcpState.CLOSED);
    assertThat(r.h.states("A", r.idA, r.rstAt)).containsExactly("TIME-WAIT", "CLOSED");
    long closedAt = r.h.stateEvents("A", r.idA).get(r.h.stateEvents("A", r.idA).size() - 1).time();
    assertThat(closedAt - r.rstAt).isEqualTo(DELAY + ChannelConfig.of(10_000_000, DELAY).serialization(40));
    assertThat(r.h.signals("A", r.rstAt)).containsExactly("connection reset");
    assertThat(r.h.sent("A", r.rstAt)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1000})
  void aRstInTimeWaitIsIgnoredUnderRfc5961(int offset) {
    Run r = assassinate(Profile.RFC5961, offset);
    assertThat(r.a.state()).isEqualTo(TcpState.CLOSED);
    // TIME-WAIT ran its full 2 MSL from when it began, not from the RST.
    var changes = r.h.stateEvents("A", r.idA);
    var last = changes.get(changes.size() - 1);
    var timeWait = changes.get(changes.size() - 2);
    assertThat(timeWait.to()).isEqualTo(TcpState.TIME_WAIT);
    assertThat(last.from()).isEqualTo(TcpState.TIME_WAIT);
    assertThat(last.to()).isEqualTo(TcpState.CLOSED);
    assertThat(last.time() - timeWait.time()).isEqualTo(2 * r.cfg.msl());
    assertThat(r.h.signals("A", r.rstAt)).containsExactly("closed");
    var dropped = r.h.events.stream().filter(e -> e instanceof SegmentDropped d
        && d.host().equals("A") && d.segment().has(TcpFlags.RST)).map(e -> ((SegmentDropped) e).cause()).toList();
    if (offset == 0) {
      // Exactly at RCV.NXT: RFC 1337 F1 drops it silently.
      assertThat(r.h.sent("A", r.rstAt)).isEmpty();
      assertThat(dropped).singleElement().asString().contains("RFC 1337");
    } else {
      // In the window but not at RCV.NXT: RFC 5961 3.2 answers with a challenge ACK; B, which
      // has no connection, answers that with <SEQ=SEG.ACK><CTL=RST>, a RST exactly at RCV.NXT:
      // the reliable assassination that RFC 1337 F1 still stops.
      int rcvNxt = r.a.rcvNxt();
      assertThat(r.h.sent("A", r.rstAt)).containsExactly(
          "<SEQ=" + Integer.toUnsignedString(r.a.sndNxt()) + "><ACK=" + Integer.toUnsignedString(rcvNxt) + "><CTL=ACK>");
      assertThat(r.h.sent("B", r.rstAt)).containsExactly("<SEQ=" + Integer.toUnsignedString(rcvNxt) + "><CTL=RST>");
      assertThat(dropped).hasSize(2);
      assertThat(dropped.get(0)).contains("challenge ACK");
      assertThat(dropped.get(1)).contains("RFC 1337");
    }
  }
}
