package org.tcpsim.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.Time;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.DropReason;
import org.tcpsim.core.trace.PacketDropped;
import org.tcpsim.core.trace.PacketReceived;
import org.tcpsim.core.trace.TraceBus;

class RoutingTest {
  final Simulator sim = new Simulator();
  final TraceBus trace = new TraceBus();
  final Recorder rec = new Recorder();
  final Network net = new Network(sim, new RandomStreams(1), trace);
  final ChannelConfig wire = ChannelConfig.of(10_000_000, Time.ms(1));

  RoutingTest() {
    trace.subscribe(rec);
  }

  private List<String> path() {
    List<String> hops = new ArrayList<>();
    for (var e : rec.events) {
      if (e instanceof PacketReceived r) {
        hops.add(r.node());
      }
    }
    return hops;
  }

  @Test
  void packetsCrossARouterToTheirHost() {
    Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    Router r = net.addRouter("R");
    Host b = net.addHost("B", Ipv4.parse("10.0.1.1"));
    net.connect(a, r, wire);
    net.connect(r, b, wire);
    List<Packet> got = new ArrayList<>();
    b.setHandler(got::add);
    a.send(new Packet(a.address(), b.address(), 1000, "hello"));
    sim.run();
    assertThat(got).extracting(Packet::payload).containsExactly("hello");
    assertThat(path()).containsExactly("R", "B");
    // Two hops of 0.8 ms serialization + 1 ms propagation.
    assertThat(sim.now()).isEqualTo(2 * (Time.us(800) + Time.ms(1)));
  }

  @Test
  void theShortestPathWinsAndTiesGoToTheFirstNameThenTheFirstLink() {
    Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    Host b = net.addHost("B", Ipv4.parse("10.0.0.2"));
    Router y = net.addRouter("Y");
    Router x = net.addRouter("X");
    Router long1 = net.addRouter("L1");
    Router long2 = net.addRouter("L2");
    // Three routes A..B: via L1,L2 (3 hops), via Y (2 hops), via X (2 hops). Y's links added
    // first, but X sorts first by name.
    net.connect(a, long1, wire);
    net.connect(long1, long2, wire);
    net.connect(long2, b, wire);
    net.connect(a, y, wire);
    net.connect(y, b, wire);
    net.connect(a, x, wire);
    net.connect(x, b, wire);
    b.setHandler(p -> {});
    a.send(new Packet(a.address(), b.address(), 100, null));
    sim.run();
    assertThat(path()).containsExactly("X", "B");
  }

  @Test
  void parallelLinksBreakTiesByTheOrderTheyWereAdded() {
    Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    Host b = net.addHost("B", Ipv4.parse("10.0.0.2"));
    Link first = net.connect(a, b, wire);
    net.connect(a, b, wire);
    assertThat(a.route(b.address()).link()).isSameAs(first);
    assertThat(b.route(a.address()).link()).isSameAs(first);
  }

  @Test
  void aDestinationWithNoRouteIsATracedDrop() {
    Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    Router r = net.addRouter("R");
    Host c = net.addHost("C", Ipv4.parse("10.0.9.9"));
    net.connect(a, r, wire);
    c.setHandler(p -> {});
    // C exists but is not connected; 192.0.2.1 exists nowhere.
    a.send(new Packet(a.address(), c.address(), 100, null));
    sim.run();
    List<PacketDropped> drops = rec.drops(DropReason.NO_ROUTE);
    assertThat(drops).hasSize(1);
    assertThat(drops.get(0).where()).isEqualTo("A");
  }

  @Test
  void aRouterWithoutARouteDropsAndSaysWhere() {
    Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    Router r = net.addRouter("R");
    net.connect(a, r, wire);
    // A has no route for 192.0.2.1 either, so route it explicitly through R with a prefix at R.
    r.addPrefix(Prefix.parse("192.0.2.0/24"));
    a.send(new Packet(a.address(), Ipv4.parse("192.0.2.1"), 100, null));
    sim.run();
    assertThat(path()).containsExactly("R");
    List<PacketDropped> drops = rec.drops(DropReason.NO_ROUTE);
    assertThat(drops).extracting(PacketDropped::where).containsExactly("R");
  }

  @Test
  void aPrefixRoutesSpoofedAddressesBackToTheirOwner() {
    Host m = net.addHost("M", Ipv4.parse("10.0.0.66"));
    Router r = net.addRouter("R");
    Host b = net.addHost("B", Ipv4.parse("10.0.0.2"));
    net.connect(m, r, wire);
    net.connect(r, b, wire);
    m.addPrefix(Prefix.parse("198.51.100.0/24"));
    // B answers a spoofed source: the reply travels back to M, which does not own the address.
    b.send(new Packet(b.address(), Ipv4.parse("198.51.100.7"), 60, null));
    sim.run();
    assertThat(path()).containsExactly("R", "M");
    assertThat(rec.drops(DropReason.NOT_FOR_HOST)).extracting(PacketDropped::where)
        .containsExactly("M");
  }

  @Test
  void aDownHostNeitherSendsNorHears() {
    Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    Host b = net.addHost("B", Ipv4.parse("10.0.0.2"));
    net.connect(a, b, wire);
    List<Packet> got = new ArrayList<>();
    b.setHandler(got::add);
    b.setUp(false);
    a.send(new Packet(a.address(), b.address(), 100, null));
    b.send(new Packet(b.address(), a.address(), 100, null));
    sim.run();
    assertThat(got).isEmpty();
    assertThat(rec.drops(DropReason.HOST_DOWN)).extracting(PacketDropped::where)
        .containsExactly("B", "B");
    b.setUp(true);
    a.send(new Packet(a.address(), b.address(), 100, null));
    sim.run();
    assertThat(got).hasSize(1);
  }

  @Test
  void rejectsClashingAddressesDuplicateNamesAndSelfLinks() {
    Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    assertThatThrownBy(() -> net.addHost("B", Ipv4.parse("10.0.0.1")))
        .hasMessageContaining("already host A's");
    assertThatThrownBy(() -> net.addRouter("A")).hasMessageContaining("already a node named A");
    assertThatThrownBy(() -> net.connect(a, a, wire)).hasMessageContaining("two different nodes");
  }
}
