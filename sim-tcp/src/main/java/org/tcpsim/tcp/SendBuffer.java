package org.tcpsim.tcp;

import java.util.Arrays;

/**
 * The octets a user has given SEND that are not yet acknowledged: the retransmission queue and the
 * unsent data in one. Offset 0 is the oldest unacknowledged data octet. Real bytes are kept only
 * once some SEND carried content (then a SEND without content adds zero octets); otherwise only
 * the count is.
 */
final class SendBuffer {
  private long length;
  private long totalQueued;
  private byte[] bytes; // null until content is first given
  private int head; // index of offset 0 in bytes

  /** Octets queued and not yet acknowledged. */
  long length() {
    return length;
  }

  /** Octets ever queued (acknowledged or not). */
  long totalQueued() {
    return totalQueued;
  }

  boolean hasContent() {
    return bytes != null;
  }

  void append(int n, byte[] data) {
    if (data != null && bytes == null) {
      if (length > Integer.MAX_VALUE / 2) {
        throw new IllegalStateException("cannot switch a send buffer of " + length + " octets to content");
      }
      bytes = new byte[(int) Math.max(64, length * 2 + n)];
      head = 0; // the earlier octets read as zeros
    }
    if (bytes != null) {
      ensure(length + n);
      if (data != null) {
        System.arraycopy(data, 0, bytes, head + (int) length, n);
      }
    }
    length += n;
    totalQueued += n;
  }

  /** Drops the first {@code n} octets: they were acknowledged. */
  void acknowledge(long n) {
    if (n > length) {
      throw new IllegalArgumentException("acknowledging " + n + " of " + length + " octets");
    }
    length -= n;
    if (bytes != null) {
      head += (int) n;
      if (length == 0) {
        head = 0;
      }
    }
  }

  /** A copy of {@code n} octets from {@code offset}, or null when no content is kept. */
  byte[] copy(long offset, int n) {
    if (bytes == null) {
      return null;
    }
    int from = head + (int) offset;
    return Arrays.copyOfRange(bytes, from, from + n);
  }

  private void ensure(long needed) {
    if (head + needed <= bytes.length) {
      return;
    }
    if (needed > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("send buffer with content over 2 GB");
    }
    int cap = (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16L, bytes.length * 2L));
    byte[] b = new byte[cap];
    System.arraycopy(bytes, head, b, 0, (int) length);
    bytes = b;
    head = 0;
  }
}
