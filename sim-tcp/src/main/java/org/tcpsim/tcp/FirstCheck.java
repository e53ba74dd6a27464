package org.tcpsim.tcp;

import static org.tcpsim.tcp.SeqNum.add;
import static org.tcpsim.tcp.SeqNum.diff;
import static org.tcpsim.tcp.SeqNum.lt;
import static org.tcpsim.tcp.TcpFlags.FIN;
import static org.tcpsim.tcp.TcpFlags.SYN;

/**
 * SEGMENT ARRIVES' first check in every state from SYN-RECEIVED on (RFC 9293 3.10.7.4): is the
 * segment's sequence number acceptable (Table 6), and which part of it lies in the window. The
 * rest of the checks are {@link SegmentArrives}'.
 */
final class FirstCheck {
  /** Least time between two ACKs for unacceptable pure ACKs (Linux: tcp_invalid_ratelimit, 500 ms). */
  static final long OUT_OF_WINDOW_ACK_INTERVAL = 500_000_000L;

  private FirstCheck() {}

  /**
   * What the first check accepted of a segment (RFC 9293 3.10.7.4): the part from {@code seq} on,
   * {@code skip} data octets in, {@code len} long, and whether its SYN and FIN survived trimming.
   */
  record Accepted(int seq, int skip, int len, boolean syn, boolean fin, boolean trimmed) {}

  /**
   * The first check, the sequence number (RFC 9293 3.10.7.4), trimming first (docs/rfc-notes.md
   * A1): cut off whatever lies before RCV.NXT, an old SYN or FIN included, then test what remains.
   *
   * @return what was accepted, or null when the segment was unacceptable (and answered)
   */
  static Accepted accept(Connection c, Segment seg) {
    Tcb tcb = c;
    int wnd = tcb.rcvWnd();
    int seq = seg.seq();
    int len = seg.dataLength();
    int skip = 0;
    boolean syn = seg.has(SYN);
    boolean fin = seg.has(FIN);
    boolean trimmed = false;
    int before = diff(tcb.rcvNxt, seq);
    if (before > 0) {
      trimmed = true;
      if (syn) {
        syn = false;
        seq = add(seq, 1);
        before--;
      }
      int cut = Math.min(before, len);
      skip += cut;
      len -= cut;
      seq = add(seq, cut);
      before -= cut;
      if (before > 0 && fin) {
        fin = false;
        seq = add(seq, 1);
        before--;
      }
    }
    boolean acceptable;
    if (before > 0) {
      acceptable = false; // wholly before RCV.NXT
    } else if (wnd == 0) {
      // Table 6 with RCV.WND = 0: only SEG.SEQ = RCV.NXT is acceptable; its data is thrown
      // away but its ACK, window and URG are processed (docs/rfc-notes.md A3).
      acceptable = seq == tcb.rcvNxt;
      if (acceptable && (len > 0 || syn || fin)) {
        len = 0;
        syn = false;
        fin = false;
        trimmed = true;
      }
    } else {
      // What remains starts at or after RCV.NXT: acceptable when it starts inside the window.
      acceptable = lt(seq, add(tcb.rcvNxt, wnd));
      // Trim what lies beyond the window (docs/rfc-notes.md A2), a FIN there too: a FIN right
      // after the last octet that fits lies at RCV.NXT+RCV.WND, outside.
      int room = diff(add(tcb.rcvNxt, wnd), seq) - (syn ? 1 : 0);
      if (acceptable && len >= room) {
        len = Math.min(len, Math.max(0, room));
        fin = false;
      }
    }
    if (!acceptable) {
      unacceptable(c, seg);
      return null;
    }
    return new Accepted(seq, skip, len, syn, fin, trimmed);
  }

  /**
   * "If an incoming segment is not acceptable, an acknowledgment should be sent in reply (unless
   * the RST bit is set ...): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"
   */
  private static void unacceptable(Connection c, Segment seg) {
    Receiver receiver = c.receiver();
    c.drop(seg, TcpDropReason.OUT_OF_WINDOW, "segment outside the receive window (RFC 9293 3.10.7.4, first check)");
    if (seg.dataLength() == 0 && !seg.has(SYN) && !seg.has(FIN)) {
      // An unacceptable pure ACK is answered at most once per OUT_OF_WINDOW_ACK_INTERVAL: two
      // desynchronized ends would otherwise answer each other's ACKs for ever (the ACK loop of
      // RFC 1337 H2 and docs/rfc-notes.md A27; Linux's tcp_invalid_ratelimit). Segments with
      // data, SYN or FIN are never part of such a loop and are always answered.
      if (!receiver.outOfWindowAckAllowed(c.now(), OUT_OF_WINDOW_ACK_INTERVAL)) {
        return;
      }
    }
    receiver.sendAck("unacceptable segment: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 9293 3.10.7.4, first check)");
  }
}
