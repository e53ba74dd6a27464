package org.tcpsim.tcp;

import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;

import java.util.ArrayDeque;

/**
 * A socket in LISTEN (RFC 9293 3.10.7.2) with the two queues of a real stack: the SYN queue of
 * half-open connections (SYN-RECEIVED) and the accept queue of established connections the
 * application has not accepted yet, each bounded by the backlog. When the SYN queue is full a SYN
 * is dropped silently, or answered with a SYN cookie (RFC 4987 3.6) when enabled; never with a
 * RST (spec-notes A33).
 */
public final class Listener {
  private final TcpStack stack;
  private final ConnectionId id;
  private final ListenHandler handler;
  private final ArrayDeque<Connection> acceptQueue = new ArrayDeque<>();
  private int synQueue;
  private boolean autoAccept = true;
  private boolean offering;
  private boolean open = true;

  // Counters (also published as ListenerEvent trace events).
  long synReceived;
  long synDropped;
  long synCookiesSent;
  long synCookiesAccepted;
  long synCookiesRejected;
  long accepted;
  long acceptOverflow;
  long synackTimeouts;

  Listener(TcpStack stack, Endpoint local, ListenHandler handler) {
    this.stack = stack;
    this.id = ConnectionId.listening(local);
    this.handler = handler;
  }

  public ConnectionId id() {
    return id;
  }

  public int port() {
    return id.local().port();
  }

  public int synQueueLength() {
    return synQueue;
  }

  public int acceptQueueLength() {
    return acceptQueue.size();
  }

  public boolean isOpen() {
    return open;
  }

  /**
   * Whether established connections are handed to the handler at once (the default) or wait in
   * the accept queue for {@link #accept()} (to study accept-queue overflow).
   */
  public void setAutoAccept(boolean on) {
    autoAccept = on;
    while (on && !acceptQueue.isEmpty()) {
      accept();
    }
  }

  /** Takes the oldest established connection off the accept queue, or returns null. */
  public Connection accept() {
    Connection c = acceptQueue.poll();
    if (c == null) {
      return null;
    }
    accepted++;
    event("accepted");
    SocketHandler h = handler == null ? null : handler.accepted(c);
    c.setHandler(h);
    if (c.state() != TcpState.CLOSED) {
      if (!offering && h != null) {
        h.connected(c); // accepted after the fact: the handler had not heard of it yet
      }
      if (h != null) {
        c.setReading(true);
      }
    }
    return c;
  }

  /** CLOSE (or ABORT) in LISTEN (RFC 9293 3.10.4): the listener goes; its connections stay. */
  public void close() {
    if (!open) {
      throw new TcpError(TcpError.DOES_NOT_EXIST);
    }
    open = false;
    stack.removeListener(this);
  }

  // --- RFC 9293 3.10.7.2: LISTEN STATE --------------------------------------------------------

  void segmentArrives(Endpoint remote, Segment seg) {
    // First, check for a RST: "An incoming RST segment could not be valid since it could not
    // have been sent in response to anything sent by this incarnation of the connection."
    if (seg.has(RST)) {
      stack.dropped(null, remote, id.local(), seg, "rst", "RST in LISTEN is ignored (RFC 9293 3.10.7.2, first check)");
      return;
    }
    // Second, check for an ACK: a returning SYN cookie, or "<SEQ=SEG.ACK><CTL=RST>".
    if (seg.has(ACK)) {
      if (!seg.has(SYN) && stack.config().synCookies() && cookieArrives(remote, seg)) {
        return;
      }
      stack.sendReset(id.local(), remote, seg.ack(), 0, false,
          "ACK in LISTEN: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 3.10.7.2, second check)");
      stack.dropped(null, remote, id.local(), seg, "no-connection", "ACK in LISTEN (RFC 9293 3.10.7.2, second check)");
      return;
    }
    // Third, check for a SYN.
    if (!seg.has(SYN)) {
      stack.dropped(null, remote, id.local(), seg, "no-syn", "neither RST, ACK nor SYN in LISTEN (RFC 9293 3.10.7.2, fourth check)");
      return;
    }
    synReceived++;
    TcpConfig cfg = stack.config();
    if (synQueue >= cfg.backlog() || acceptQueue.size() >= cfg.backlog()) {
      if (cfg.synCookies()) {
        // RFC 4987 3.6: answer without keeping state; the cookie is the ISS.
        int cookie = stack.synCookies().encode(stack.now(), id.local().address(), id.local().port(),
            remote.address(), remote.port(), seg.seq(), stack.peerMss(seg.options()));
        int mss = SynCookies.tableMss(SynCookies.mssIndex(stack.peerMss(seg.options())));
        Segment synAck = Segment.builder()
            .ports(id.local().port(), remote.port())
            .seq(cookie)
            .ack(SeqNum.add(seg.seq(), 1))
            .flags(SYN | ACK)
            .window(Math.min(cfg.window(), 65535))
            .options(TcpOptions.NONE.withMss(Math.min(cfg.mss(), Math.max(mss, cfg.mss()))))
            .build();
        synCookiesSent++;
        event("syn-cookies-sent");
        stack.transmitRaw(id.local(), remote, synAck, false,
            "SYN queue full: stateless SYN,ACK with a cookie (RFC 4987 3.6)");
      } else {
        synDropped++;
        event("syn-dropped");
        stack.dropped(null, remote, id.local(), seg, "backlog",
            "SYN queue full: SYN dropped silently (RFC 4987 2)");
      }
      return;
    }
    Connection c = stack.newConnection(new ConnectionId(id.local(), remote), this, null);
    synQueue++;
    event("syn-queued");
    c.openPassive(seg, stack.issFor(c.id(), null));
    if (seg.dataLength() > 0) {
      stack.dropped(c, remote, id.local(), seg, "syn-data",
          "data on a SYN is not kept; the peer sends it again (spec-notes A32)");
    }
  }

  /** An ACK reached the listener: a valid SYN cookie creates the connection (RFC 4987 3.6). */
  private boolean cookieArrives(Endpoint remote, Segment seg) {
    int mss = stack.synCookies().validate(stack.now(), id.local().address(), id.local().port(),
        remote.address(), remote.port(), SeqNum.add(seg.seq(), -1), SeqNum.add(seg.ack(), -1));
    if (mss < 0) {
      synCookiesRejected++;
      event("syn-cookies-rejected");
      return false;
    }
    if (acceptQueue.size() >= stack.config().backlog()) {
      acceptOverflow++;
      event("accept-overflow");
      stack.dropped(null, remote, id.local(), seg, "backlog", "valid SYN cookie but the accept queue is full (RFC 4987 3.6)");
      return true;
    }
    synCookiesAccepted++;
    Connection c = stack.newConnection(new ConnectionId(id.local(), remote), this, null);
    synQueue++; // established() takes it off again
    event("syn-cookies-accepted");
    c.openFromCookie(seg, mss);
    if (seg.dataLength() > 0 || seg.has(TcpFlags.FIN)) {
      c.segmentArrives(seg); // the data riding on the ACK
    }
    return true;
  }

  // --- Bookkeeping called by the connections ----------------------------------------------------

  boolean hasAcceptRoom() {
    return acceptQueue.size() < stack.config().backlog();
  }

  void established(Connection c) {
    synQueue--;
  }

  void offer(Connection c) {
    acceptQueue.add(c);
    if (autoAccept) {
      offering = true;
      try {
        accept();
      } finally {
        offering = false;
      }
    }
  }

  void halfOpenGone(Connection c) {
    synQueue--;
    event("half-open-gone");
  }

  void synAckTimeout(Connection c) {
    synQueue--;
    synackTimeouts++;
    event("synack-timeout");
  }

  void acceptOverflow(Connection c) {
    acceptOverflow++;
    event("accept-overflow");
  }

  private void event(String what) {
    stack.listenerEvent(this, what);
  }

  @Override
  public String toString() {
    return id + " LISTEN";
  }
}
