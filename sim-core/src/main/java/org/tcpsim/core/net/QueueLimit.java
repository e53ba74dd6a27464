package org.tcpsim.core.net;

/**
 * The capacity of a channel's drop-tail queue, in packets or bytes. It counts packets waiting to
 * be transmitted; the packet being serialized is no longer in the queue.
 */
public record QueueLimit(long limit, Unit unit) {
  public enum Unit {
    PACKETS,
    BYTES
  }

  public static final QueueLimit DEFAULT = packets(100);
  public static final QueueLimit UNLIMITED = packets(Long.MAX_VALUE);

  public QueueLimit {
    if (limit < 0) {
      throw new IllegalArgumentException("queue limit must be >= 0, got " + limit);
    }
  }

  public static QueueLimit packets(long n) {
    return new QueueLimit(n, Unit.PACKETS);
  }

  public static QueueLimit bytes(long n) {
    return new QueueLimit(n, Unit.BYTES);
  }

  /** Whether a packet of {@code size} bytes fits behind {@code packets}/{@code bytes} queued. */
  boolean admits(int packets, long bytes, int size) {
    return unit == Unit.PACKETS ? packets < limit : bytes + size <= limit;
  }
}
