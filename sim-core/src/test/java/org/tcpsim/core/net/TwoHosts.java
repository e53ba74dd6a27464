package org.tcpsim.core.net;

import java.util.ArrayList;
import java.util.List;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;

/** Fixture: hosts A (10.0.0.1) and B (10.0.0.2) joined by one link; B records what arrives. */
final class TwoHosts {
  final Simulator sim = new Simulator();
  final TraceBus trace = new TraceBus();
  final Network net;
  final Host a;
  final Host b;
  final Link link;
  final List<Packet> arrived = new ArrayList<>();
  final List<Long> arrivalTimes = new ArrayList<>();

  TwoHosts(ChannelConfig aToB) {
    this(aToB, 1);
  }

  TwoHosts(ChannelConfig aToB, long seed) {
    net = new Network(sim, new RandomStreams(seed), trace);
    a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    b = net.addHost("B", Ipv4.parse("10.0.0.2"));
    link = net.connect(a, b, aToB, ChannelConfig.DEFAULT);
    b.setHandler(p -> {
      arrived.add(p);
      arrivalTimes.add(sim.now());
    });
  }

  Packet packet(int size, int id) {
    return new Packet(a.address(), b.address(), size, id);
  }

  /** Sends {@code n} packets of {@code size} bytes, one every {@code gap} ns, ids 0..n-1. */
  void sendEvery(int n, int size, long gap) {
    for (int i = 0; i < n; i++) {
      int id = i;
      sim.scheduleAt(i * gap, () -> a.send(packet(size, id)));
    }
  }

  List<Integer> arrivedIds() {
    List<Integer> ids = new ArrayList<>();
    for (Packet p : arrived) {
      ids.add((Integer) p.payload());
    }
    return ids;
  }
}
