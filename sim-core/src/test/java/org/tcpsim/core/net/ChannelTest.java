package org.tcpsim.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Time;
import org.tcpsim.core.trace.DropReason;

class ChannelTest {

  /** Asserts that {@code count} successes out of {@code n} lie in the central 99.9% interval. */
  private static void assertBinomial(long count, int n, double p) {
    BinomialDistribution d = new BinomialDistribution(null, n, p);
    int lo = d.inverseCumulativeProbability(0.0005);
    int hi = d.inverseCumulativeProbability(0.9995);
    assertThat(count).as("count out of %d at p=%s", n, p).isBetween((long) lo, (long) hi);
  }

  @Test
  void aPacketTakesExactlySerializationPlusPropagation() {
    // 1500 bytes at 12 Mbps is 12,000 bits / 12e6 bit/s = exactly 1 ms; plus 5 ms of wire.
    TwoHosts t = new TwoHosts(ChannelConfig.of(12_000_000, Time.ms(5)));
    t.sendEvery(1, 1500, 0);
    t.sim.run();
    assertThat(t.arrivalTimes).containsExactly(Time.ms(6));
  }

  @Test
  void backToBackPacketsAreSerializedOneAfterAnother() {
    TwoHosts t = new TwoHosts(ChannelConfig.of(12_000_000, Time.ms(5)));
    for (int i = 0; i < 3; i++) {
      t.a.send(t.packet(1500, i));
    }
    t.sim.run();
    assertThat(t.arrivalTimes).containsExactly(Time.ms(6), Time.ms(7), Time.ms(8));
    assertThat(t.arrivedIds()).containsExactly(0, 1, 2);
  }

  @Test
  void serializationRoundsUpToWholeNanoseconds() {
    // 1 byte at 3 bps = 8/3 s = 2.666...s: the wire is busy until the next whole nanosecond.
    assertThat(ChannelConfig.of(3, 0).serialization(1)).isEqualTo(2_666_666_667L);
    assertThat(ChannelConfig.of(0, 0).serialization(1500)).isZero();
  }

  @Test
  void aFullPacketQueueDropsExactlyTheExcess() {
    TwoHosts t = new TwoHosts(
        ChannelConfig.of(1_000_000, Time.ms(1)).withQueue(QueueLimit.packets(10)));
    Recorder rec = new Recorder();
    t.trace.subscribe(rec);
    for (int i = 0; i < 25; i++) {
      t.a.send(t.packet(1000, i));
    }
    t.sim.run();
    // One packet goes straight to the transmitter, ten wait, fourteen are dropped.
    assertThat(t.arrivedIds()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(rec.drops(DropReason.QUEUE)).hasSize(14);
    assertThat(rec.drops(DropReason.QUEUE).get(0).where()).isEqualTo("A-B");
    assertThat(rec.drops(DropReason.QUEUE).get(0).channel()).isEqualTo("A>B");
    assertThat(t.link.forward().queueDropCount()).isEqualTo(14);
  }

  @Test
  void aFullByteQueueDropsExactlyTheExcess() {
    TwoHosts t = new TwoHosts(
        ChannelConfig.of(1_000_000, Time.ms(1)).withQueue(QueueLimit.bytes(2500)));
    int[] sizes = {1000, 1000, 1000, 600, 100, 1000};
    for (int i = 0; i < sizes.length; i++) {
      t.a.send(t.packet(sizes[i], i));
    }
    t.sim.run();
    // #0 transmits; #1 and #2 fill 2000 of 2500 bytes; #3 (600) does not fit; #4 (100) does;
    // #5 does not.
    assertThat(t.arrivedIds()).containsExactly(0, 1, 2, 4);
  }

  @Test
  void theQueueDrainsAndAcceptsAgain() {
    TwoHosts t = new TwoHosts(
        ChannelConfig.of(8_000_000, 0).withQueue(QueueLimit.packets(1)));
    // 1000 bytes at 8 Mbps = 1 ms each. Bursts of three at 0 and 10 ms: one dropped each time.
    for (int burst = 0; burst < 2; burst++) {
      for (int i = 0; i < 3; i++) {
        int id = burst * 3 + i;
        t.sim.scheduleAt(burst * Time.ms(10), () -> t.a.send(t.packet(1000, id)));
      }
    }
    t.sim.run();
    assertThat(t.arrivedIds()).containsExactly(0, 1, 3, 4);
  }

  @Test
  void bernoulliLossOver100kPacketsIsInsideTheBinomialInterval() {
    TwoHosts t = new TwoHosts(ChannelConfig.of(0, Time.us(10)).withLoss(0.05));
    Recorder rec = new Recorder();
    t.trace.subscribe(rec);
    int n = 100_000;
    t.sendEvery(n, 100, Time.us(1));
    t.sim.run();
    long lost = n - t.arrived.size();
    assertBinomial(lost, n, 0.05);
    assertThat(rec.drops(DropReason.LOSS)).hasSize((int) lost);
    assertThat(t.link.forward().lostCount()).isEqualTo(lost);
  }

  @Test
  void gilbertElliottBurstsLastOneOverRPacketsOnAverage() {
    double p = 0.01;
    double r = 0.25;
    TwoHosts t = new TwoHosts(
        ChannelConfig.of(0, Time.us(10)).withLoss(new LossModel.GilbertElliott(p, r)));
    int n = 200_000;
    t.sendEvery(n, 100, Time.us(1));
    t.sim.run();
    boolean[] got = new boolean[n];
    for (int id : t.arrivedIds()) {
      got[id] = true;
    }
    long bursts = 0;
    long lostTotal = 0;
    for (int i = 0; i < n; i++) {
      if (!got[i]) {
        lostTotal++;
        if (i == 0 || got[i - 1]) {
          bursts++;
        }
      }
    }
    double meanBurst = (double) lostTotal / bursts;
    assertThat(meanBurst).isCloseTo(1 / r, org.assertj.core.data.Offset.offset(0.4));
    assertThat((double) lostTotal / n)
        .isCloseTo(p / (p + r), org.assertj.core.data.Offset.offset(0.006));
  }

  @Test
  void duplicationHappensAtItsRateAndTheCopyFollowsTheOriginal() {
    TwoHosts t = new TwoHosts(ChannelConfig.of(0, Time.us(10)).withDuplicate(0.02));
    int n = 100_000;
    t.sendEvery(n, 100, Time.us(1));
    t.sim.run();
    long dups = t.arrived.size() - n;
    assertBinomial(dups, n, 0.02);
    List<Integer> ids = t.arrivedIds();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!seen.add(ids.get(i))) {
        assertThat(ids.get(i - 1)).as("a copy arrives right behind its original")
            .isEqualTo(ids.get(i));
      }
    }
    assertThat(seen).hasSize(n);
  }

  @Test
  void reorderingHappensAtItsRate() {
    // Held-back packets wait 50 us, long enough for the next packets (1 us apart) to overtake.
    TwoHosts t = new TwoHosts(
        ChannelConfig.of(0, Time.us(10)).withReorder(0.03, Time.us(50)));
    int n = 100_000;
    t.sendEvery(n, 100, Time.us(1));
    t.sim.run();
    List<Integer> ids = t.arrivedIds();
    assertThat(ids).hasSize(n);
    // A packet was reordered if some later-sent packet arrived before it.
    long overtaken = 0;
    int maxSoFar = -1;
    for (int id : ids) {
      if (id < maxSoFar) {
        overtaken++;
      }
      maxSoFar = Math.max(maxSoFar, id);
    }
    assertThat(overtaken).isEqualTo(t.link.forward().reorderedCount());
    assertBinomial(overtaken, n, 0.03);
  }

  @Test
  void jitterAloneNeverReorders() {
    // Jitter of +-2 ms on packets 100 us apart would reorder freely if packets were independent.
    TwoHosts t = new TwoHosts(ChannelConfig.of(0, Time.ms(5)).withJitter(Time.ms(2)));
    int n = 10_000;
    t.sendEvery(n, 100, Time.us(100));
    t.sim.run();
    List<Integer> ids = t.arrivedIds();
    for (int i = 0; i < n; i++) {
      assertThat(ids.get(i)).isEqualTo(i);
    }
    // ... yet the latency does vary, within [delay - jitter, delay + jitter] plus FIFO waiting.
    Set<Long> latencies = new HashSet<>();
    for (int i = 0; i < n; i++) {
      long latency = t.arrivalTimes.get(i) - i * Time.us(100);
      assertThat(latency).isBetween(Time.ms(3), Time.ms(7));
      latencies.add(latency);
    }
    assertThat(latencies.size()).isGreaterThan(n / 2);
  }

  @Test
  void corruptedPacketsArriveFlaggedAtTheirRate() {
    TwoHosts t = new TwoHosts(ChannelConfig.of(0, Time.us(10)).withCorrupt(0.01));
    int n = 100_000;
    t.sendEvery(n, 100, Time.us(1));
    t.sim.run();
    assertThat(t.arrived).hasSize(n);
    long flagged = t.arrived.stream().filter(Packet::corrupted).count();
    assertBinomial(flagged, n, 0.01);
    assertThat(flagged).isEqualTo(t.link.forward().corruptedCount());
  }

  @Test
  void turningOnOneImpairmentDoesNotChangeAnothersDraws() {
    ChannelConfig lossy = ChannelConfig.of(0, Time.us(10)).withLoss(0.1);
    TwoHosts plain = new TwoHosts(lossy, 9);
    TwoHosts extra = new TwoHosts(lossy.withDuplicate(0.2).withCorrupt(0.1), 9);
    plain.sendEvery(10_000, 100, Time.us(1));
    extra.sendEvery(10_000, 100, Time.us(1));
    plain.sim.run();
    extra.sim.run();
    assertThat(new HashSet<>(extra.arrivedIds())).isEqualTo(new HashSet<>(plain.arrivedIds()));
  }
}
