package org.tcpsim.scenario.output;

import java.util.ArrayList;
import java.util.List;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.core.trace.TraceSink;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.app.AppStats;
import org.tcpsim.tcp.app.Client;
import org.tcpsim.tcp.app.ClosePolicy;
import org.tcpsim.tcp.app.Server;

/**
 * Two hosts joined by one link, A (10.0.0.1) and B (10.0.0.2), B listening on port 80 as a
 * sink, A's and B's initial sequence numbers fixed (100 and 300, as in RFC 9293's figures) so
 * that expected trace lines can be written down. Every event is also kept in {@link #events}.
 */
final class TwoHosts {
  static final int ISS_A = 100;
  static final int ISS_B = 300;

  final Simulator sim = new Simulator();
  final TraceBus trace = new TraceBus();
  final Network net;
  final Host a;
  final Host b;
  final TcpStack sa;
  final TcpStack sb;
  final List<TraceEvent> events = new ArrayList<>();

  /** Sinks subscribe before anything happens, so they also see B's passive OPEN at time 0. */
  TwoHosts(long seed, ChannelConfig link, TraceSink... sinks) {
    trace.subscribe(events::add);
    for (TraceSink s : sinks) {
      trace.subscribe(s);
    }
    net = new Network(sim, new RandomStreams(seed), trace);
    a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    b = net.addHost("B", Ipv4.parse("10.0.0.2"));
    net.connect(a, b, link);
    sa = TcpStack.install(net, a, Profile.DEFAULT.config());
    sb = TcpStack.install(net, b, Profile.DEFAULT.config().with("iss", String.valueOf(ISS_B)));
    Server.sink(sb, 80);
  }

  /** A clean 10 Mb/s, 5 ms link. */
  static ChannelConfig cleanLink() {
    return ChannelConfig.of(10_000_000, Time.parse("5ms"));
  }

  /** A opens from port 1024 at time 0, sends {@code bytes} and closes. */
  TwoHosts transfer(long bytes) {
    new Client(sa, new Endpoint(b.address(), 80), 1024, ISS_A, bytes, 0, ClosePolicy.AFTER_SEND,
        new AppStats()).startAt(0);
    return this;
  }

  TwoHosts runUntil(String time) {
    sim.runUntil(Time.parse(time));
    return this;
  }
}
