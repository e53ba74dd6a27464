package org.tcpsim.tcp;

import static org.tcpsim.tcp.SeqNum.add;
import static org.tcpsim.tcp.SeqNum.diff;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The receiving half of a connection: in-order delivery and the reassembly queue of
 * out-of-order octets (RFC 9293 SHLD-31), the receive buffer the application reads from, the
 * window it announces with receiver silly-window avoidance (RFC 1122 4.2.3.3), and when to
 * acknowledge (RFC 1122 4.2.3.2 and RFC 5681 4.2: at once, or after the delayed-ACK timer). It
 * moves RCV.NXT and the window's right edge in the {@link Tcb}.
 */
final class Receiver {
  private final Connection c;
  private final Tcb tcb;
  private final TcpConfig cfg;
  private final ReassemblyQueue reassembly = new ReassemblyQueue();

  /** In-order octets the application has not read yet. */
  private long unread;
  /** The content of unread octets, when content is simulated; null until some arrives. */
  private ArrayDeque<byte[]> unreadContent;
  private boolean reading;
  /** Full segments received since our last ACK (RFC 1122 4.2.3.2: ACK at least every second). */
  private int segmentsUnacked;
  /** An ACK is due now; the next segment we send carries it, or {@link #flushAck} sends one. */
  private boolean ackNow;
  private long bytesDelivered;
  private long lastOutOfWindowAck = Long.MIN_VALUE;

  Receiver(Connection c, Tcb tcb, TcpConfig cfg, boolean reading) {
    this.c = c;
    this.tcb = tcb;
    this.cfg = cfg;
    this.reading = reading;
  }

  long unread() {
    return unread;
  }

  long bytesDelivered() {
    return bytesDelivered;
  }

  /** The peer's SYN arrived: the window we offer starts at RCV.NXT. */
  void openWindow() {
    tcb.rcvRightEdge = add(tcb.rcvNxt, announceableWindow());
  }

  /** The segment must be acknowledged at once (RFC 5681 4.2: duplicates, gaps, FINs). */
  void ackNow() {
    ackNow = true;
  }

  /** A segment with ACK went out: whatever ACK was due or delayed is done. */
  void ackSent() {
    ackNow = false;
    segmentsUnacked = 0;
    c.cancelTimer(TimerKind.DELAYED_ACK);
  }

  /**
   * Sends <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>. SND.NXT in the RFC's sense is the next new sequence
   * number, our SND.MAX: after a timeout rewinds sndNxt (go-back-N), an ACK stamped with the
   * rewound value lies before the peer's RCV.NXT, is unacceptable there (RFC 9293 3.10.7.4, first
   * check, Table 6), and its ACK field is never processed; both ends then trade
   * unacceptable-segment ACKs for ever. BSD stamps pure ACKs with snd_max for this reason, and
   * with snd_nxt only while probing a zero window (the probe octet lies beyond the window:
   * SND.MAX would be out of window too).
   */
  void sendAck(String cause) {
    int seq = c.sender().probing() ? tcb.sndNxt : tcb.sndMax;
    c.transmit(c.segment(seq, TcpFlags.ACK).ack(tcb.rcvNxt).window(announceWindow()).build(), cause);
  }

  /** RFC 5961 challenge ACK, <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, within the host's rate limit (section 7). */
  void challengeAck(String cause) {
    if (c.host().challengeAcks().allow(c.now())) {
      sendAck(cause);
    }
  }

  /**
   * The ACK for a segment that acknowledges data not yet sent, <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
   * (RFC 9293 3.10.7.4, fifth check), within the host's challenge-ACK budget but counted apart
   * from RFC 5961's challenge ACKs (docs/rfc-notes.md A27).
   */
  void unsentDataAck(String cause) {
    if (c.host().challengeAcks().allowUnsentDataAck(c.now())) {
      sendAck(cause);
    }
  }

  /**
   * Whether an unacceptable pure ACK may be answered at {@code now}: at most once per {@code
   * interval} (docs/rfc-notes.md A27). Counts the answer when it may.
   */
  boolean outOfWindowAckAllowed(long now, long interval) {
    if (lastOutOfWindowAck != Long.MIN_VALUE && now - lastOutOfWindowAck < interval) {
      return false;
    }
    lastOutOfWindowAck = now;
    return true;
  }

  /** Sends the due ACK now if no other segment carried it. */
  void flushAck() {
    if (ackNow) {
      sendAck("ACK (RFC 9293 3.10.7.4, seventh check; RFC 5681 4.2)");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Segment text (RFC 9293 3.10.7.4, seventh check)

  /**
   * Data octets [seq, seq+len) of {@code seg} (skipping {@code skip}) lie in the window.
   *
   * @return true when they filled the last gap before a FIN that was waiting in the queue
   */
  boolean receiveText(Segment seg, int seq, int skip, int len) {
    byte[] payload = seg.hasPayload() ? seg.payload() : null;
    if (seq != tcb.rcvNxt) {
      // Out of order: queue it (SHLD-31) and send a duplicate ACK at once (MAY-13, RFC 5681 4.2).
      long offset = tcb.rcvNxtOffset + diff(seq, tcb.rcvNxt);
      reassembly.add(offset, len, payload == null ? null : slice(payload, skip, len));
      ackNow = true;
      return false;
    }
    boolean filledGap = !reassembly.isEmpty();
    deliverInOrder(len, payload == null ? null : slice(payload, skip, len));
    if (filledGap) {
      tcb.rcvNxtOffset = reassembly.drainFrom(tcb.rcvNxtOffset, this::deliverFromQueue);
      tcb.rcvNxt = add(tcb.irs, 1 + (int) tcb.rcvNxtOffset);
      // RFC 5681 4.2: an ACK SHOULD be sent at once when a segment fills a gap.
      ackNow = true;
      return reassembly.finOffset() == tcb.rcvNxtOffset;
    }
    if (!cfg.delayedAck() || ++segmentsUnacked >= 2) {
      // RFC 1122 4.2.3.2 / RFC 5681 4.2: an ACK for at least every second full-sized segment
      // (every second segment of any size, which is stricter).
      ackNow = true;
    } else if (!c.isTimerSet(TimerKind.DELAYED_ACK)) {
      c.setTimer(TimerKind.DELAYED_ACK, c.now() + cfg.delayedAckTimeout());
    }
    return false;
  }

  /**
   * A FIN at {@code finOffset} (octets since IRS+1).
   *
   * @return true when it is next in sequence; otherwise it waits in the queue for the gap
   */
  boolean finAt(long finOffset) {
    if (finOffset == tcb.rcvNxtOffset) {
      return true;
    }
    reassembly.addFin(finOffset);
    ackNow = true;
    return false;
  }

  /** The FIN is next in sequence: it takes one sequence number and is acknowledged at once. */
  void consumeFin() {
    tcb.rcvNxt = add(tcb.rcvNxt, 1);
    tcb.rcvNxtOffset++;
    // The right edge stays where it was, or moves with RCV.NXT if the window was closed.
    tcb.rcvRightEdge = add(tcb.rcvNxt, tcb.rcvWnd());
    ackNow = true;
  }

  private static byte[] slice(byte[] b, int from, int len) {
    return from == 0 && len == b.length ? b : Arrays.copyOfRange(b, from, from + len);
  }

  private void deliverFromQueue(int len, byte[] data) {
    bytesDelivered += len;
    hand(len, data);
  }

  private void deliverInOrder(int len, byte[] data) {
    tcb.rcvNxt = add(tcb.rcvNxt, len);
    tcb.rcvNxtOffset += len;
    bytesDelivered += len;
    hand(len, data);
  }

  private void hand(int len, byte[] data) {
    SocketHandler handler = c.handler();
    if (reading && handler != null && unread == 0) {
      handler.data(c, len, data);
      return;
    }
    unread += len;
    if (data != null) {
      if (unreadContent == null) {
        unreadContent = new ArrayDeque<>();
      }
      unreadContent.add(data);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // RECEIVE (RFC 9293 3.10.3) and the window

  /**
   * Reading on or off. While the application does not read, in-order data waits here and the
   * window shrinks (this is how a zero window is made); turning reading on hands it over.
   */
  void setReading(boolean on) {
    reading = on;
    SocketHandler handler = c.handler();
    if (!on || handler == null || unread == 0) {
      return;
    }
    long n = unread;
    unread = 0;
    if (unreadContent == null || unreadContent.isEmpty()) {
      while (n > 0) {
        int chunk = (int) Math.min(n, Integer.MAX_VALUE);
        handler.data(c, chunk, null);
        n -= chunk;
      }
    } else {
      while (!unreadContent.isEmpty()) {
        byte[] b = unreadContent.poll();
        handler.data(c, b.length, b);
      }
    }
    windowMayHaveOpened();
  }

  /** The window to announce now, with receiver SWS avoidance (RFC 1122 4.2.3.3); never shrinks. */
  int announceWindow() {
    int current = tcb.rcvWnd();
    int available = announceableWindow();
    int step = Math.min(cfg.window() / 2, tcb.sndMss);
    if (available >= current + step || (available > current && available == cfg.window())) {
      tcb.rcvRightEdge = add(tcb.rcvNxt, available);
      return available;
    }
    return current;
  }

  /** The free receive buffer, at most what the 16-bit window field can say. */
  int announceableWindow() {
    long free = cfg.window() - unread - reassembly.bytes();
    return (int) Math.max(0, Math.min(free, 65535));
  }

  /** The application read data: tell the peer if the window grew enough to matter (RFC 1122 4.2.3.3). */
  private void windowMayHaveOpened() {
    TcpState state = c.state();
    if (!state.isSynchronized() || state == TcpState.TIME_WAIT) {
      return;
    }
    int step = Math.min(cfg.window() / 2, tcb.sndMss);
    if (announceableWindow() >= tcb.rcvWnd() + step) {
      sendAck("window update after the application read (RFC 1122 4.2.3.3)");
    }
  }

  /** RFC 1122 4.2.3.2: the delayed ACK is due (MUST-40). */
  void delayedAckTimeout() {
    TcpState state = c.state();
    if (state.isSynchronized() && state != TcpState.TIME_WAIT) {
      sendAck("delayed ACK timer (RFC 1122 4.2.3.2; RFC 9293 MUST-40)");
    }
  }

  /** The TCB is deleted: drop queued octets and the delayed ACK. */
  void clear() {
    reassembly.clear();
    c.cancelTimer(TimerKind.DELAYED_ACK);
  }
}
