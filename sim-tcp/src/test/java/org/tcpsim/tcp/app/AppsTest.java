package org.tcpsim.tcp.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.net.Prefix;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpStack;

class AppsTest {
  Simulator sim;
  Network net;
  TcpStack a;
  TcpStack b;
  Host hb;

  @BeforeEach
  void twoHosts() {
    sim = new Simulator();
    net = new Network(sim, new RandomStreams(7), new TraceBus());
    Host ha = net.addHost("A", Ipv4.parse("10.0.0.1"));
    hb = net.addHost("B", Ipv4.parse("10.0.0.2"));
    net.connect(ha, hb, ChannelConfig.of(10_000_000, 5 * Time.MS));
    a = TcpStack.install(net, ha, TcpConfig.defaults());
    b = TcpStack.install(net, hb, TcpConfig.defaults());
  }

  @Test
  void bulkSenderDeliversEveryByteToTheSinkAndBothClose() {
    Server server = Server.sink(b, 80);
    AppStats stats = new AppStats();
    new Client(a, new Endpoint(hb.address(), 80), 0, null, 100_000, 0, ClosePolicy.AFTER_SEND, stats)
        .startAt(0);
    sim.runUntil(10 * Time.MINUTE);
    assertThat(server.stats().bytesReceived()).isEqualTo(100_000);
    assertThat(stats.completions()).isEqualTo(1);
    assertThat(stats.connectionsClosed()).isEqualTo(1);
    assertThat(server.stats().connectionsClosed()).isEqualTo(1);
    assertThat(a.connections()).isEmpty();
    assertThat(b.connections()).isEmpty();
  }

  @Test
  void echoReturnsTheRequestToARequestResponseClient() {
    Server echo = new Server(b, 7, Server.Behaviour.ECHO, 0, ClosePolicy.ON_PEER_CLOSE);
    AppStats stats = new AppStats();
    new Client(a, new Endpoint(hb.address(), 7), 0, null, 3000, 3000, ClosePolicy.AFTER_SEND, stats)
        .startAt(Time.SECOND);
    sim.runUntil(10 * Time.MINUTE);
    assertThat(echo.stats().bytesReceived()).isEqualTo(3000);
    assertThat(stats.bytesReceived()).isEqualTo(3000);
    assertThat(stats.completions()).isEqualTo(1);
    assertThat(stats.meanHandshakeTime()).isGreaterThan(10 * Time.MS).isLessThan(11 * Time.MS);
  }

  @Test
  void serverServesNBytesAndClosesAfterSending() {
    new Server(b, 80, Server.Behaviour.SERVE, 50_000, ClosePolicy.AFTER_SEND);
    AppStats stats = new AppStats();
    new Client(a, new Endpoint(hb.address(), 80), 0, null, 0, 50_000, ClosePolicy.ON_PEER_CLOSE, stats)
        .startAt(0);
    sim.runUntil(10 * Time.MINUTE);
    assertThat(stats.bytesReceived()).isEqualTo(50_000);
    assertThat(stats.connectionsClosed()).isEqualTo(1);
  }

  @Test
  void synFlooderSendsAtItsRateFromSpoofedSourcesUntilStop() {
    Server.sink(b, 80);
    SynFlooder flood = new SynFlooder(a, new Endpoint(hb.address(), 80), 100, Time.SECOND,
        2 * Time.SECOND, Prefix.parse("198.51.100.0/24"), net.streams().stream("app/flood-1"));
    sim.runUntil(3 * Time.SECOND);
    assertThat(flood.sent()).isEqualTo(100);
    assertThat(b.counters().get("listen.syn-received")).isEqualTo(100);
    // Backlog 128 holds them all; no SYN,ACK is answered because the spoofed sources do not exist.
    assertThat(b.listener(80).synQueueLength()).isEqualTo(100);
  }

  @Test
  void closePolicyParsesItsFourForms() {
    assertThat(ClosePolicy.parse("after-send")).isEqualTo(ClosePolicy.AFTER_SEND);
    assertThat(ClosePolicy.parse("never")).isEqualTo(ClosePolicy.NEVER);
    assertThat(ClosePolicy.parse("on-peer-close")).isEqualTo(ClosePolicy.ON_PEER_CLOSE);
    assertThat(ClosePolicy.parse("2s")).isEqualTo(ClosePolicy.after(2 * Time.SECOND));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClosePolicy.parse("soon"))
        .hasMessage("expected after-send, on-peer-close, never or a duration, got 'soon'");
  }
}
