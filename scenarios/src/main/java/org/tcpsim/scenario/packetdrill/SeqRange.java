package org.tcpsim.scenario.packetdrill;

/**
 * packetdrill's {@code start:end(len)}: the segment's first sequence number, the one after its
 * last octet, and its payload length, relative to the sender's initial sequence number. The
 * parser checks that {@code end - start == len} (modulo 2^32), as packetdrill does.
 */
public record SeqRange(long start, long end, long len) {
  @Override
  public String toString() {
    return start + ":" + end + "(" + len + ")";
  }
}
