package org.tcpsim.scenario.output;

import java.util.function.IntFunction;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpSettings;
import org.tcpsim.tcp.TcpStack;

/**
 * Hosts A (10.0.0.1, ISS 100) and B (10.0.0.2, ISS 300) of RFC 9293's figures on one link, with
 * the rfc9293 profile: the network every output test starts from.
 */
final class TwoPeers {
  final Simulator sim = new Simulator();
  final TraceBus trace = new TraceBus();
  final Network net = new Network(sim, new RandomStreams(1), trace);
  final Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
  final Host b = net.addHost("B", Ipv4.parse("10.0.0.2"));
  final Endpoint a1024 = new Endpoint(a.address(), 1024);
  final Endpoint b80 = new Endpoint(b.address(), 80);
  final ConnectionId ab = new ConnectionId(a1024, b80);
  final ConnectionId ba = new ConnectionId(b80, a1024);
  final IntFunction<String> hostName =
      address -> net.hostByAddress(address) == null ? null : net.hostByAddress(address).name();
  TcpStack sa;
  TcpStack sb;

  /** A 5 ms link both ways. */
  TwoPeers() {
    this(ChannelConfig.of(0, Time.parse("5ms")), ChannelConfig.of(0, Time.parse("5ms")));
  }

  TwoPeers(ChannelConfig aToB, ChannelConfig bToA) {
    this(aToB, bToA, Profile.RFC9293.config());
  }

  TwoPeers(ChannelConfig aToB, ChannelConfig bToA, TcpConfig cfg) {
    net.connect(a, b, aToB, bToA);
    sa = TcpStack.install(net, a, TcpSettings.apply(cfg, "iss", "100"));
    sb = TcpStack.install(net, b, TcpSettings.apply(cfg, "iss", "300"));
  }

  /** Runs {@code action} at simulated time {@code at}. */
  void at(String at, Runnable action) {
    sim.scheduleAt(Time.parse(at), action);
  }

  Connection connA() {
    return sa.connection(ab);
  }

  Connection connB() {
    return sb.connection(ba);
  }

  void runUntil(String until) {
    sim.runUntil(Time.parse(until));
  }
}
