package org.tcpsim.core.net;

import java.util.ArrayDeque;
import org.apache.commons.rng.UniformRandomProvider;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.trace.DropReason;
import org.tcpsim.core.trace.PacketSent;
import org.tcpsim.core.trace.QueueLength;
import org.tcpsim.core.trace.TraceBus;

/**
 * One direction of a link, named {@code A>B}: a drop-tail queue in front of a transmitter, then
 * the wire.
 *
 * <p>A packet handed to the channel waits in the queue (or is dropped, reason {@code queue}, if
 * the queue is full) until the transmitter is free, takes {@code size * 8 / rate} to serialize,
 * and then travels for the propagation delay (plus jitter). Impairments are decided when the
 * packet leaves the transmitter, each from its own random stream ({@code link/A>B/loss},
 * {@code .../duplicate}, {@code .../reorder}, {@code .../corrupt}, {@code .../jitter}), so turning
 * one impairment on never changes the draws of another: a lost packet used the wire and is
 * dropped (reason {@code loss}); a corrupted one arrives flagged; a duplicated one arrives twice;
 * a reordered one is held back by the reorder delay while the packets behind it overtake it.
 * Without reordering, packets arrive in the order they were sent even under jitter.
 */
public final class Channel {
  private final Network net;
  private final Simulator sim;
  private final TraceBus.Topic<PacketSent> sentTrace;
  private final TraceBus.Topic<QueueLength> queueTrace;
  private final Link link;
  private final NetInterface from;
  private final NetInterface to;
  private final ChannelConfig config;
  private final String name;

  private final ArrayDeque<Packet> queue = new ArrayDeque<>();
  private long queuedBytes;
  private boolean busy;
  /** Arrival time of the latest in-order packet; later ones never arrive before it. */
  private long lastArrival;

  private final UniformRandomProvider lossRng;
  private final UniformRandomProvider duplicateRng;
  private final UniformRandomProvider reorderRng;
  private final UniformRandomProvider corruptRng;
  private final UniformRandomProvider jitterRng;
  private boolean gilbertBad;

  private long sent;
  private long delivered;
  private long lost;
  private long queueDrops;
  private long duplicated;
  private long reordered;
  private long corrupted;
  private long bytesDelivered;

  Channel(Network net, Link link, NetInterface from, NetInterface to, ChannelConfig config) {
    this.net = net;
    this.sim = net.simulator();
    this.sentTrace = net.trace().topic(PacketSent.class);
    this.queueTrace = net.trace().topic(QueueLength.class);
    this.link = link;
    this.from = from;
    this.to = to;
    this.config = config;
    this.name = from.node().name() + ">" + to.node().name();
    String prefix = "link/" + name + "/";
    this.lossRng = net.streams().stream(prefix + "loss");
    this.duplicateRng = net.streams().stream(prefix + "duplicate");
    this.reorderRng = net.streams().stream(prefix + "reorder");
    this.corruptRng = net.streams().stream(prefix + "corrupt");
    this.jitterRng = net.streams().stream(prefix + "jitter");
  }

  /** {@code A>B}. */
  public String name() {
    return name;
  }

  public Link link() {
    return link;
  }

  public ChannelConfig config() {
    return config;
  }

  public Node source() {
    return from.node();
  }

  public Node destination() {
    return to.node();
  }

  /** Packets waiting for the transmitter (not counting the one being serialized). */
  public int queueLength() {
    return queue.size();
  }

  public long queuedBytes() {
    return queuedBytes;
  }

  /** Packets accepted into the channel (queued or transmitted). */
  public long sentCount() {
    return sent;
  }

  /** Packet arrivals at the far end, duplicates included. */
  public long deliveredCount() {
    return delivered;
  }

  public long bytesDelivered() {
    return bytesDelivered;
  }

  public long lostCount() {
    return lost;
  }

  public long queueDropCount() {
    return queueDrops;
  }

  public long duplicatedCount() {
    return duplicated;
  }

  public long reorderedCount() {
    return reordered;
  }

  public long corruptedCount() {
    return corrupted;
  }

  /** Hands a packet to this channel for transmission. */
  public void send(Packet p) {
    if (sentTrace.active()) {
      sentTrace.publish(new PacketSent(sim.now(), from.node().name(), name, p));
    }
    if (!busy) {
      sent++;
      transmit(p);
      return;
    }
    if (!config.queue().admits(queue.size(), queuedBytes, p.size())) {
      queueDrops++;
      net.drop(link.name(), name, DropReason.QUEUE, p);
      return;
    }
    sent++;
    queue.addLast(p);
    queuedBytes += p.size();
    traceQueue();
  }

  private void transmit(Packet p) {
    busy = true;
    sim.schedule(config.serialization(p.size()), () -> transmitted(p));
  }

  private void transmitted(Packet p) {
    propagate(p);
    Packet next = queue.pollFirst();
    if (next == null) {
      busy = false;
    } else {
      queuedBytes -= next.size();
      traceQueue();
      transmit(next);
    }
  }

  private void propagate(Packet p) {
    if (isLost()) {
      lost++;
      net.drop(link.name(), name, DropReason.LOSS, p);
      return;
    }
    if (config.corrupt() > 0 && corruptRng.nextDouble() < config.corrupt()) {
      corrupted++;
      p = p.withCorrupted();
    }
    long arrival = sim.now() + latency();
    if (config.reorder() > 0 && reorderRng.nextDouble() < config.reorder()) {
      reordered++;
      arrival += config.reorderDelay();
    } else {
      arrival = Math.max(arrival, lastArrival);
      lastArrival = arrival;
    }
    deliverAt(arrival, p);
    if (config.duplicate() > 0 && duplicateRng.nextDouble() < config.duplicate()) {
      duplicated++;
      // The copy follows right behind the original, as a duplicating switch would send it.
      deliverAt(arrival, p);
    }
  }

  private long latency() {
    long j = config.jitter();
    if (j == 0) {
      return config.delay();
    }
    long offset = (long) ((jitterRng.nextDouble() * 2 - 1) * j);
    return Math.max(0, config.delay() + offset);
  }

  private boolean isLost() {
    LossModel model = config.loss();
    if (model instanceof LossModel.Bernoulli b) {
      return b.p() > 0 && lossRng.nextDouble() < b.p();
    }
    LossModel.GilbertElliott ge = (LossModel.GilbertElliott) model;
    double flip = lossRng.nextDouble();
    gilbertBad = gilbertBad ? flip >= ge.r() : flip < ge.p();
    double lossProbability = gilbertBad ? ge.lossBad() : ge.lossGood();
    return lossProbability > 0 && lossRng.nextDouble() < lossProbability;
  }

  private void deliverAt(long time, Packet p) {
    sim.scheduleAt(time, () -> {
      delivered++;
      bytesDelivered += p.size();
      to.node().arrive(p, to);
    });
  }

  private void traceQueue() {
    if (queueTrace.active()) {
      queueTrace.publish(new QueueLength(sim.now(), name, queue.size(), queuedBytes));
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
