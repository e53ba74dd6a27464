package org.tcpsim.scenario.output;

import java.util.HashMap;
import java.util.Map;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SeqNum;
import org.tcpsim.tcp.TcpFlags;

/**
 * Relative sequence numbers as Wireshark shows them: per direction of each 4-tuple the base is
 * the ISN, the sequence number of the first SYN seen in that direction, so the SYN is {@code
 * seq=0} and the first data octet {@code seq=1}; acknowledgment numbers are relative to the
 * opposite direction's base. Until a SYN is seen the base is provisional: the first sequence
 * number seen (or, for the direction a first ACK points into, that ACK minus one); the first SYN
 * then replaces it.
 *
 * <p>Differences are signed (RFC 9293 3.4 arithmetic modulo 2^32), so an old duplicate from
 * before the ISN prints as {@code seq=-10}, not as a number near 2^32.
 */
final class RelativeSeq {
  private record Direction(Endpoint src, Endpoint dst) {}

  private static final class Base {
    int value;
    boolean fromSyn;

    Base(int value, boolean fromSyn) {
      this.value = value;
      this.fromSyn = fromSyn;
    }
  }

  private final Map<Direction, Base> bases = new HashMap<>();

  /** SEG.SEQ relative to its direction's ISN; notes the ISN when {@code seg} is a first SYN. */
  int seq(Endpoint src, Endpoint dst, Segment seg) {
    Direction d = new Direction(src, dst);
    Base b = bases.get(d);
    boolean syn = seg.has(TcpFlags.SYN);
    if (b == null) {
      b = new Base(seg.seq(), syn);
      bases.put(d, b);
    } else if (syn && !b.fromSyn) {
      b.value = seg.seq();
      b.fromSyn = true;
    }
    return SeqNum.diff(seg.seq(), b.value);
  }

  /** SEG.ACK relative to the ISN of the opposite direction. */
  int ack(Endpoint src, Endpoint dst, Segment seg) {
    Direction opposite = new Direction(dst, src);
    Base b = bases.get(opposite);
    if (b == null) {
      // The peer's ISN is unknown: take the ACK as acknowledging its SYN, as Wireshark does.
      b = new Base(SeqNum.add(seg.ack(), -1), false);
      bases.put(opposite, b);
    }
    return SeqNum.diff(seg.ack(), b.value);
  }
}
