package org.tcpsim.tcp;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Segments that arrived ahead of RCV.NXT (RFC 9293 SHLD-31: queue them rather than drop them).
 * Positions are long offsets in the receive stream (0 = the octet after the peer's SYN), so the
 * queue is immune to sequence-number wrap. Overlapping pieces may be stored; {@link #drainFrom}
 * delivers each octet at most once.
 */
final class ReassemblyQueue {
  /** One stored piece: [start, end) and its bytes, or null when only lengths are simulated. */
  record Piece(long start, long end, byte[] data) {}

  /** Receives the in-order part of a piece: {@code data} is null, or the exact octets. */
  interface Sink {
    void deliver(int length, byte[] data);
  }

  /** Null while nothing is queued: most connections never receive out of order. */
  private TreeMap<Long, Piece> pieces;
  private long bytes;
  private long finOffset = -1;

  boolean isEmpty() {
    return pieces == null || pieces.isEmpty();
  }

  /** Octets held (overlaps counted twice). */
  long bytes() {
    return bytes;
  }

  void add(long start, int length, byte[] data) {
    if (pieces == null) {
      pieces = new TreeMap<>();
    }
    Piece old = pieces.get(start);
    if (old != null && old.end() >= start + length) {
      return; // nothing new
    }
    Piece p = new Piece(start, start + length, data);
    Piece replaced = pieces.put(start, p);
    bytes += length - (replaced == null ? 0 : replaced.end() - replaced.start());
  }

  /** Remembers an out-of-order FIN at {@code offset} (the offset its sequence number would have). */
  void addFin(long offset) {
    finOffset = offset;
  }

  /** The offset of a queued FIN, or -1. */
  long finOffset() {
    return finOffset;
  }

  /**
   * Delivers every queued octet that is contiguous with {@code next}, in order, each once.
   *
   * @return the new next expected offset
   */
  long drainFrom(long next, Sink sink) {
    if (pieces == null) {
      return next;
    }
    Iterator<Map.Entry<Long, Piece>> it = pieces.entrySet().iterator();
    while (it.hasNext()) {
      Piece p = it.next().getValue();
      if (p.start() > next) {
        break;
      }
      it.remove();
      bytes -= p.end() - p.start();
      if (p.end() > next) {
        int skip = (int) (next - p.start());
        int n = (int) (p.end() - next);
        byte[] d = null;
        if (p.data() != null) {
          d = skip == 0 ? p.data() : java.util.Arrays.copyOfRange(p.data(), skip, skip + n);
        }
        sink.deliver(n, d);
        next = p.end();
      }
    }
    return next;
  }

  void clear() {
    pieces = null;
    bytes = 0;
    finOffset = -1;
  }
}
