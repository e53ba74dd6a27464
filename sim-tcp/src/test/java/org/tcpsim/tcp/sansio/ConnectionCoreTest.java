package org.tcpsim.tcp.sansio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.FIN;
import static org.tcpsim.tcp.TcpFlags.PSH;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Time;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpOptions;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.TimerKind;

/**
 * One connection driven through the core's interface alone: segments in, user calls, timers
 * fired by moving a clock, and what it sends read off a {@link FakeHost}. No simulator, network
 * or stack takes part. The numbers are RFC 9293 Figure 6's: our ISS 100, the peer's 300, windows
 * of 1000, MSS 536, delayed ACKs off so that every ACK is immediate.
 */
class ConnectionCoreTest {
  static final Endpoint LOCAL = new Endpoint(0x0a000001, 1024);
  static final Endpoint REMOTE = new Endpoint(0x0a000002, 80);
  static final ConnectionId ID = new ConnectionId(LOCAL, REMOTE);
  static final TcpConfig CFG = Profile.RFC5961.config().with("window", "1000").with("mss", "536")
      .with("delayed-ack", "false").with("nagle", "false");

  final FakeHost host = new FakeHost();
  final App app = new App();
  Connection conn;

  /** What the application heard. */
  static final class App implements SocketHandler {
    final List<String> heard = new ArrayList<>();
    long bytes;

    @Override
    public void connected(Connection c) {
      heard.add("connected");
    }

    @Override
    public void data(Connection c, int length, byte[] data) {
      bytes += length;
    }

    @Override
    public void peerClosed(Connection c) {
      heard.add("peer closed");
    }

    @Override
    public void closed(Connection c, TcpSignal signal) {
      heard.add(signal.text());
    }

    @Override
    public void sendBufferEmpty(Connection c) {
      heard.add("all acknowledged");
    }
  }

  static Segment.Builder peer(int seq, int flags) {
    return Segment.builder().ports(REMOTE.port(), LOCAL.port()).seq(seq).flags(flags).window(1000);
  }

  /** The one segment sent since the last call, as the trace prints it. */
  String sentOne() {
    List<Segment> s = host.takeSent();
    assertThat(s).hasSize(1);
    return s.get(0).toString();
  }

  Connection synSent() {
    conn = new Connection(host, CFG, ID, null, app);
    conn.openActive(100);
    host.takeSent();
    return conn;
  }

  Connection established() {
    synSent();
    conn.segmentArrives(peer(300, SYN | ACK).ack(101).options(TcpOptions.NONE.withMss(536)).build());
    host.takeSent();
    return conn;
  }

  @Nested
  class Closed {
    @Test
    void activeOpenSendsTheSynWithItsMssAndArmsTheRetransmissionTimer() {
      conn = new Connection(host, CFG, ID, null, app);
      conn.openActive(100);
      assertThat(sentOne()).isEqualTo("SYN seq=100 len=0 win=1000 <mss=536>");
      assertThat(conn.state()).isEqualTo(TcpState.SYN_SENT);
      assertThat(host.states).extracting(FakeHost.StateChange::to).containsExactly(TcpState.SYN_SENT);
      assertThat(host.timerOf(conn, TimerKind.RETRANSMIT).at()).isEqualTo(Time.SECOND);
    }
  }

  @Nested
  class SynSent {
    @Test
    void aSynAckEstablishesAndIsAcknowledged() {
      synSent();
      host.advanceTo(30 * Time.MS);
      conn.segmentArrives(peer(300, SYN | ACK).ack(101).build());
      assertThat(sentOne()).isEqualTo("ACK seq=101 ack=301 len=0 win=1000");
      assertThat(conn.state()).isEqualTo(TcpState.ESTABLISHED);
      assertThat(app.heard).containsExactly("connected");
      assertThat(host.timerOf(conn, TimerKind.RETRANSMIT).isSet()).isFalse();
      assertThat(conn.handshakeTime()).isEqualTo(30 * Time.MS);
      assertThat(host.counts.established()).isEqualTo(1);
    }

    @Test
    void theSynIsSentAgainWhenTheTimerExpiresWithTheTimeoutDoubled() {
      synSent();
      host.advanceTo(Time.SECOND);
      assertThat(host.fired).containsExactly(TimerKind.RETRANSMIT);
      assertThat(sentOne()).isEqualTo("SYN seq=100 len=0 win=1000 <mss=536>");
      assertThat(host.timerOf(conn, TimerKind.RETRANSMIT).at()).isEqualTo(3 * Time.SECOND);
      assertThat(host.counts.retransmissions()).isEqualTo(1);
    }

    @Test
    void aResetAcknowledgingTheSynRefusesTheConnection() {
      synSent();
      conn.segmentArrives(peer(0, RST | ACK).ack(101).build());
      assertThat(conn.state()).isEqualTo(TcpState.CLOSED);
      assertThat(app.heard).containsExactly("connection reset");
      assertThat(host.released).containsExactly(conn);
      assertThat(host.takeSent()).isEmpty();
    }
  }

  @Nested
  class Established {
    @Test
    void dataIsSentPushedAndItsAcknowledgmentEmptiesTheBuffer() {
      established();
      conn.send(100);
      assertThat(sentOne()).isEqualTo("ACK,PSH seq=101 ack=301 len=100 win=1000");
      assertThat(conn.sendQueue()).isEqualTo(100);
      conn.segmentArrives(peer(301, ACK).ack(201).build());
      assertThat(conn.sendQueue()).isZero();
      assertThat(app.heard).containsExactly("connected", "all acknowledged");
      assertThat(host.takeSent()).isEmpty(); // an ACK is never acknowledged
    }

    @Test
    void inOrderDataIsDeliveredAndAcknowledgedAtOnceWithoutDelayedAcks() {
      established();
      conn.segmentArrives(peer(301, ACK | PSH).ack(101).dataLength(50).build());
      assertThat(app.bytes).isEqualTo(50);
      assertThat(sentOne()).isEqualTo("ACK seq=101 ack=351 len=0 win=1000");
    }

    @Test
    void aSegmentOutsideTheWindowIsAnsweredWithAnAckAndDropped() {
      established();
      conn.segmentArrives(peer(5000, ACK).ack(101).dataLength(10).build());
      assertThat(sentOne()).isEqualTo("ACK seq=101 ack=301 len=0 win=1000");
      assertThat(host.drops).extracting(FakeHost.Dropped::reason).extracting(Object::toString)
          .containsExactly("out-of-window");
      assertThat(app.bytes).isZero();
    }

    @Test
    void unacknowledgedDataIsRetransmittedWhenTheTimerExpires() {
      established();
      conn.send(100);
      host.takeSent();
      host.advanceTo(2 * Time.SECOND);
      assertThat(host.fired).containsExactly(TimerKind.RETRANSMIT);
      assertThat(sentOne()).isEqualTo("ACK,PSH seq=101 ack=301 len=100 win=1000");
      assertThat(conn.segmentsRetransmitted()).isEqualTo(1);
    }
  }

  @Nested
  class CloseWaitAndLastAck {
    @Test
    void thePeersFinThenOurCloseEndsTheConnectionWhenOurFinIsAcknowledged() {
      established();
      conn.segmentArrives(peer(301, FIN | ACK).ack(101).build());
      assertThat(sentOne()).isEqualTo("ACK seq=101 ack=302 len=0 win=1000");
      assertThat(conn.state()).isEqualTo(TcpState.CLOSE_WAIT);
      conn.close();
      assertThat(sentOne()).isEqualTo("ACK,FIN seq=101 ack=302 len=0 win=1000");
      assertThat(conn.state()).isEqualTo(TcpState.LAST_ACK);
      conn.segmentArrives(peer(302, ACK).ack(102).build());
      assertThat(conn.state()).isEqualTo(TcpState.CLOSED);
      assertThat(app.heard).containsExactly("connected", "peer closed", "closed");
      assertThat(host.released).containsExactly(conn);
    }
  }

  @Nested
  class TimeWait {
    @Test
    void ourCloseThenThePeersFinLingerTwoMslThenClose() {
      established();
      conn.close();
      assertThat(sentOne()).isEqualTo("ACK,FIN seq=101 ack=301 len=0 win=1000");
      conn.segmentArrives(peer(301, FIN | ACK).ack(102).build());
      assertThat(sentOne()).isEqualTo("ACK seq=102 ack=302 len=0 win=1000");
      assertThat(conn.state()).isEqualTo(TcpState.TIME_WAIT);
      long twoMsl = 2 * CFG.msl();
      assertThat(host.timerOf(conn, TimerKind.TIME_WAIT).at()).isEqualTo(twoMsl);
      host.advanceTo(twoMsl - 1);
      assertThat(conn.state()).isEqualTo(TcpState.TIME_WAIT);
      host.advanceTo(twoMsl);
      assertThat(conn.state()).isEqualTo(TcpState.CLOSED);
      assertThat(host.states).extracting(FakeHost.StateChange::cause).last().asString()
          .startsWith("2 MSL elapsed in TIME-WAIT");
    }
  }
}
