package org.tcpsim.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.Time;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.PacketDropped;
import org.tcpsim.core.trace.TraceBus;

class ReproducibilityTest {
  static final ChannelConfig IMPAIRED = ChannelConfig.of(10_000_000, Time.ms(2))
      .withJitter(Time.ms(1))
      .withLoss(new LossModel.GilbertElliott(0.05, 0.3))
      .withDuplicate(0.02)
      .withReorder(0.02, Time.ms(3))
      .withCorrupt(0.01)
      .withQueue(QueueLimit.packets(20));

  /** A-R-B with impaired links; A sends 2000 packets; returns the whole trace as text. */
  static List<String> run(long seed, boolean extraLink) {
    Simulator sim = new Simulator();
    TraceBus trace = new TraceBus();
    List<String> lines = new ArrayList<>();
    trace.subscribe(e -> lines.add(e.toString()));
    Network net = new Network(sim, new RandomStreams(seed), trace);
    Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    Router r = net.addRouter("R");
    Host b = net.addHost("B", Ipv4.parse("10.0.0.2"));
    net.connect(a, r, IMPAIRED);
    net.connect(r, b, IMPAIRED);
    if (extraLink) {
      Host c = net.addHost("C", Ipv4.parse("10.0.0.3"));
      net.connect(c, r, IMPAIRED);
      c.setHandler(p -> {});
      for (int i = 0; i < 500; i++) {
        int id = i;
        sim.scheduleAt(Time.us(300) * i, () ->
            c.send(new Packet(c.address(), b.address(), 700, "c" + id)));
      }
    }
    b.setHandler(p -> {});
    for (int i = 0; i < 2000; i++) {
      int id = i;
      sim.scheduleAt(Time.us(500) * i, () ->
          a.send(new Packet(a.address(), b.address(), 500, id)));
    }
    sim.run();
    return lines;
  }

  @Test
  void theSameSeedGivesTheIdenticalEventSequence() {
    assertThat(run(5, false)).isEqualTo(run(5, false));
  }

  @Test
  void aDifferentSeedGivesADifferentOne() {
    assertThat(run(6, false)).isNotEqualTo(run(5, false));
  }

  @Test
  void addingAnUnrelatedLinkLeavesAnExistingLinksLossPatternUnchanged() {
    assertThat(lostOnAR(run(5, true))).isEqualTo(lostOnAR(run(5, false))).isNotEmpty();
  }

  private static List<String> lostOnAR(List<String> trace) {
    // Packets lost on A>R, by identity; the extra host's traffic only shares R>B.
    List<String> out = new ArrayList<>();
    for (String line : trace) {
      if (line.startsWith(PacketDropped.class.getSimpleName()) && line.contains("channel=A>R")
          && line.contains("reason=loss")) {
        out.add(line);
      }
    }
    return out;
  }
}
