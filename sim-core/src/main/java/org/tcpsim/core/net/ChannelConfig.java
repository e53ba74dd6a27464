package org.tcpsim.core.net;

import org.tcpsim.core.Time;

/**
 * One direction of a link.
 *
 * @param rateBps serialization rate in bits per second; 0 means infinitely fast
 * @param delay propagation delay, ns
 * @param jitter each packet's propagation delay is {@code delay} plus a uniform draw in
 *     [-jitter, +jitter] (never below zero); packets still arrive in the order they were sent
 *     unless {@code reorder} is set
 * @param queue the drop-tail transmit queue's capacity
 * @param loss the loss model
 * @param duplicate probability that a packet arrives twice
 * @param reorder probability that a packet is held back by {@code reorderDelay}, letting the
 *     packets behind it overtake it
 * @param reorderDelay extra delay of a reordered packet, ns
 * @param corrupt probability that a packet arrives corrupted (its checksum fails)
 */
public record ChannelConfig(
    long rateBps,
    long delay,
    long jitter,
    QueueLimit queue,
    LossModel loss,
    double duplicate,
    double reorder,
    long reorderDelay,
    double corrupt) {

  public static final ChannelConfig DEFAULT =
      new ChannelConfig(0, 0, 0, QueueLimit.DEFAULT, LossModel.NONE, 0, 0, 0, 0);

  public ChannelConfig {
    if (rateBps < 0) {
      throw new IllegalArgumentException("rate must be >= 0 bps, got " + rateBps);
    }
    if (delay < 0 || jitter < 0 || reorderDelay < 0) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    if (queue == null || loss == null) {
      throw new NullPointerException("queue and loss must be given");
    }
    LossModel.checkProbability("duplicate", duplicate);
    LossModel.checkProbability("reorder", reorder);
    LossModel.checkProbability("corrupt", corrupt);
  }

  public static ChannelConfig of(long rateBps, long delay) {
    return DEFAULT.withRate(rateBps).withDelay(delay);
  }

  public ChannelConfig withRate(long bps) {
    return new ChannelConfig(bps, delay, jitter, queue, loss, duplicate, reorder, reorderDelay,
        corrupt);
  }

  public ChannelConfig withDelay(long ns) {
    return new ChannelConfig(rateBps, ns, jitter, queue, loss, duplicate, reorder, reorderDelay,
        corrupt);
  }

  public ChannelConfig withJitter(long ns) {
    return new ChannelConfig(rateBps, delay, ns, queue, loss, duplicate, reorder, reorderDelay,
        corrupt);
  }

  public ChannelConfig withQueue(QueueLimit q) {
    return new ChannelConfig(rateBps, delay, jitter, q, loss, duplicate, reorder, reorderDelay,
        corrupt);
  }

  public ChannelConfig withLoss(LossModel l) {
    return new ChannelConfig(rateBps, delay, jitter, queue, l, duplicate, reorder, reorderDelay,
        corrupt);
  }

  public ChannelConfig withLoss(double p) {
    return withLoss(new LossModel.Bernoulli(p));
  }

  public ChannelConfig withDuplicate(double p) {
    return new ChannelConfig(rateBps, delay, jitter, queue, loss, p, reorder, reorderDelay,
        corrupt);
  }

  public ChannelConfig withReorder(double p, long extraDelay) {
    return new ChannelConfig(rateBps, delay, jitter, queue, loss, duplicate, p, extraDelay,
        corrupt);
  }

  public ChannelConfig withCorrupt(double p) {
    return new ChannelConfig(rateBps, delay, jitter, queue, loss, duplicate, reorder,
        reorderDelay, p);
  }

  /** Time to put {@code bytes} on the wire at this rate, rounded up to whole nanoseconds. */
  public long serialization(int bytes) {
    if (rateBps == 0) {
      return 0;
    }
    long bitsTimesSecond = (long) bytes * 8 * Time.SECOND;
    return (bitsTimesSecond + rateBps - 1) / rateBps;
  }
}
