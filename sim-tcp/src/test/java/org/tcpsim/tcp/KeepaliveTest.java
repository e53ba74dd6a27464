package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.tcp.trace.SegmentSent;

/** RFC 1122 4.2.3.6 / RFC 9293 MUST-24..29: keep-alives are off by default, and when on, find a dead peer. */
class KeepaliveTest {
  Simulator sim = new Simulator();
  TraceBus trace = new TraceBus();
  List<SegmentSent> probes = new ArrayList<>();
  Network net = new Network(sim, new RandomStreams(3), trace);
  Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
  Host b = net.addHost("B", Ipv4.parse("10.0.0.2"));

  KeepaliveTest() {
    net.connect(a, b, ChannelConfig.of(10_000_000, 5 * Time.MS));
    trace.subscribe(e -> {
      if (e instanceof SegmentSent s && s.host().equals("A") && s.cause().startsWith("keep-alive")) {
        probes.add(s);
      }
    });
  }

  private Connection idleConnection(TcpConfig cfg, String[] ended) {
    TcpStack ta = TcpStack.install(net, a, cfg);
    TcpStack tb = TcpStack.install(net, b, cfg);
    tb.listen(80, c -> new SocketHandler() {});
    return ta.open(1024, new Endpoint(b.address(), 80), new SocketHandler() {
      @Override
      public void closed(Connection c, TcpSignal signal) {
        ended[0] = signal.text();
      }
    });
  }

  @Test
  void offByDefaultSoAnIdleConnectionSendsNothingForHours() {
    String[] ended = new String[1];
    Connection c = idleConnection(TcpConfig.defaults(), ended);
    sim.runUntil(5 * Time.HOUR);
    assertThat(probes).isEmpty();
    assertThat(c.state()).isEqualTo(TcpState.ESTABLISHED);
  }

  @Test
  void answeredProbesKeepTheConnectionAndAnUnansweredSeriesEndsItWithTimeout() {
    TcpConfig cfg = TcpConfig.defaults().with("keepalive", "true").with("keepalive-idle", "10s")
        .with("keepalive-interval", "1s").with("keepalive-probes", "3");
    String[] ended = new String[1];
    Connection c = idleConnection(cfg, ended);
    sim.runUntil(35 * Time.SECOND);
    // The peer answers each probe (<SEQ=SND.NXT-1>, an old sequence number draws an ACK).
    assertThat(probes).isNotEmpty();
    assertThat(probes.get(0).time()).isBetween(10 * Time.SECOND, 11 * Time.SECOND);
    assertThat(probes.get(0).segment().seq()).isEqualTo(SeqNum.add(c.sndNxt(), -1));
    assertThat(c.state()).isEqualTo(TcpState.ESTABLISHED);
    int answered = probes.size();
    b.setUp(false); // the peer dies silently
    sim.runUntil(60 * Time.SECOND);
    assertThat(probes.subList(answered, probes.size())).extracting(SegmentSent::time).hasSize(3);
    assertThat(ended[0]).isEqualTo("timeout");
    assertThat(c.state()).isEqualTo(TcpState.CLOSED);
  }
}
