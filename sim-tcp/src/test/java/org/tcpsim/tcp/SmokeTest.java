package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;

class SmokeTest {
  @Test
  void bulkTransferThenClose() {
    Simulator sim = new Simulator();
    TraceBus trace = new TraceBus();

    Network net = new Network(sim, new RandomStreams(1), trace);
    Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    Host b = net.addHost("B", Ipv4.parse("10.0.0.2"));
    net.connect(a, b, ChannelConfig.of(10_000_000, 5 * Time.MS));
    TcpStack ta = TcpStack.install(net, a, TcpConfig.defaults());
    TcpStack tb = TcpStack.install(net, b, TcpConfig.defaults());
    long[] got = new long[1];
    tb.listen(80, c -> new SocketHandler() {
      @Override public void data(Connection c, int n, byte[] d) { got[0] += n; }
      @Override public void peerClosed(Connection c) { c.close(); }
    });
    Connection c = ta.open(1024, new Endpoint(b.address(), 80), new SocketHandler() {
      @Override public void connected(Connection c) { c.send(5000); c.close(); }
    });
    sim.runUntil(10 * Time.MINUTE);
    assertThat(got[0]).isEqualTo(5000);
    assertThat(c.state()).isEqualTo(TcpState.CLOSED);
  }
}
