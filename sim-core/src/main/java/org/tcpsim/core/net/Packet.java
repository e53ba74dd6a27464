package org.tcpsim.core.net;

/**
 * An IPv4 packet as the network sees it: addresses, size on the wire (bytes, headers included)
 * and an opaque payload that only the transport interprets. {@code corrupted} marks a packet
 * whose bits were damaged on a link; the receiving transport checks it (as a checksum would) and
 * drops the packet visibly.
 */
public record Packet(int src, int dst, int size, Object payload, boolean corrupted) {
  public Packet {
    if (size <= 0) {
      throw new IllegalArgumentException("packet size must be positive, got " + size);
    }
  }

  public Packet(int src, int dst, int size, Object payload) {
    this(src, dst, size, payload, false);
  }

  public Packet withCorrupted() {
    return corrupted ? this : new Packet(src, dst, size, payload, true);
  }

  @Override
  public String toString() {
    return Ipv4.format(src) + " > " + Ipv4.format(dst) + " " + size + "B"
        + (corrupted ? " (corrupted)" : "") + (payload == null ? "" : " " + payload);
  }
}
