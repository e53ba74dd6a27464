package org.tcpsim.tcp;

/**
 * One block of a SACK option (RFC 2018 section 3): {@code left} is the first sequence number of a
 * block of data the receiver holds, {@code right} the sequence number just after its last octet.
 * Both are raw 32-bit sequence numbers (see {@link SeqNum}). They are not checked here: a block
 * read off the wire carries whatever the peer sent, and judging it is the receiver's job.
 */
public record SackBlock(int left, int right) {
  /** The number of octets the block covers, {@code right - left} modulo 2^32. */
  public long length() {
    return SeqNum.toLong(SeqNum.diff(right, left));
  }

  @Override
  public String toString() {
    return SeqNum.format(left) + "-" + SeqNum.format(right);
  }
}
