package org.tcpsim.tcp.sansio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Listener;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpDropReason;
import org.tcpsim.tcp.TcpState;

/**
 * A listener driven through the core's interface alone (RFC 9293 3.10.7.2, RFC 4987): the SYN
 * queue, the accept queue, the backlog and SYN cookies, with no simulator, network or stack.
 */
class ListenerCoreTest {
  static final Endpoint LOCAL = new Endpoint(0x0a000002, 80);
  static final Endpoint CLIENT = new Endpoint(0x0a000001, 1024);
  static final Endpoint OTHER = new Endpoint(0x0a000003, 1025);
  static final TcpConfig CFG = Profile.RFC5961.config().with("window", "1000").with("mss", "536")
      .with("delayed-ack", "false").with("backlog", "1");

  final FakeHost host = new FakeHost();
  int accepted;

  Listener listener(TcpConfig cfg) {
    return new Listener(host, cfg, LOCAL, c -> {
      accepted++;
      return new SocketHandler() {};
    });
  }

  static Segment syn(Endpoint from, int seq) {
    return Segment.builder().ports(from.port(), LOCAL.port()).seq(seq).flags(SYN).window(1000).build();
  }

  static Segment ack(Endpoint from, int seq, int ack) {
    return Segment.builder().ports(from.port(), LOCAL.port()).seq(seq).ack(ack).flags(ACK).window(1000)
        .build();
  }

  @Test
  void aSynMakesAHalfOpenConnectionThatTheCompletingAckEstablishesAndTheAppAccepts() {
    Listener l = listener(CFG);
    l.segmentArrives(CLIENT, syn(CLIENT, 100));
    assertThat(host.created).hasSize(1);
    Connection c = host.created.get(0);
    assertThat(c.state()).isEqualTo(TcpState.SYN_RECEIVED);
    assertThat(c.isPassive()).isTrue();
    assertThat(host.takeSent()).extracting(Segment::toString)
        .containsExactly("SYN,ACK seq=5000 ack=101 len=0 win=1000 <mss=536>");
    assertThat(l.synQueueLength()).isEqualTo(1);
    c.segmentArrives(ack(CLIENT, 101, 5001));
    assertThat(c.state()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(l.synQueueLength()).isZero();
    assertThat(accepted).isEqualTo(1);
    assertThat(l.acceptQueueLength()).isZero();
    assertThat(host.listenerEvents).containsExactly("syn-queued", "accepted");
  }

  @Test
  void anIssGivenWithTheSynIsTheOneUsed() {
    listener(CFG).segmentArrives(CLIENT, syn(CLIENT, 100), OptionalInt.of(70000));
    assertThat(host.takeSent()).extracting(Segment::seq).containsExactly(70000);
  }

  @Test
  void whenTheSynQueueIsFullASynIsDroppedSilently() {
    Listener l = listener(CFG);
    l.segmentArrives(CLIENT, syn(CLIENT, 100));
    host.takeSent();
    l.segmentArrives(OTHER, syn(OTHER, 900));
    assertThat(host.takeSent()).isEmpty();
    assertThat(host.drops).extracting(FakeHost.Dropped::reason).containsExactly(TcpDropReason.BACKLOG);
    assertThat(host.created).hasSize(1);
    assertThat(host.listenerEvents).containsExactly("syn-queued", "syn-dropped");
  }

  @Test
  void withCookiesAFullQueueAnswersStatelesslyAndTheCookieAckMakesAnEstablishedConnection() {
    Listener l = listener(CFG.with("syn-cookies", "true"));
    l.segmentArrives(CLIENT, syn(CLIENT, 100));
    host.takeSent();
    l.segmentArrives(OTHER, syn(OTHER, 900));
    List<Segment> synAck = host.takeSent();
    assertThat(synAck).hasSize(1);
    assertThat(synAck.get(0).flags()).isEqualTo(SYN | ACK);
    assertThat(synAck.get(0).ack()).isEqualTo(901);
    assertThat(host.created).hasSize(1); // no state kept for the cookie
    int cookie = synAck.get(0).seq();
    l.segmentArrives(OTHER, ack(OTHER, 901, cookie + 1));
    assertThat(host.created).hasSize(2);
    assertThat(host.created.get(1).state()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(host.created.get(1).iss()).isEqualTo(cookie);
    assertThat(host.listenerEvents).contains("syn-cookies-sent", "syn-cookies-accepted");
  }

  @Test
  void aResetIsIgnoredAndAStrayAckIsAnsweredWithAReset() {
    Listener l = listener(CFG);
    l.segmentArrives(CLIENT, Segment.builder().ports(1024, 80).seq(7).flags(RST).build());
    assertThat(host.takeSent()).isEmpty();
    l.segmentArrives(CLIENT, ack(CLIENT, 7, 4242));
    assertThat(host.takeSent()).extracting(Segment::toString).containsExactly("RST seq=4242 len=0 win=0");
    assertThat(host.drops).extracting(FakeHost.Dropped::reason)
        .containsExactly(TcpDropReason.RST, TcpDropReason.NO_CONNECTION);
    assertThat(host.created).isEmpty();
  }

  @Test
  void closingTheListenerTellsTheHostAndItsStateGoesToClosed() {
    Listener l = listener(CFG);
    l.close();
    assertThat(l.isOpen()).isFalse();
    assertThat(host.listenersClosed).containsExactly(l);
    assertThat(host.states).extracting(FakeHost.StateChange::to).containsExactly(TcpState.CLOSED);
  }
}
