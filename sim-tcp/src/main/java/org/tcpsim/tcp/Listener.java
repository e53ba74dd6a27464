package org.tcpsim.tcp;

import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;

import java.util.ArrayDeque;
import java.util.OptionalInt;

/**
 * A socket in LISTEN (RFC 9293 3.10.7.2) with the two queues of a real stack: the SYN queue of
 * half-open connections (SYN-RECEIVED) and the accept queue of established connections the
 * application has not accepted yet, each bounded by the backlog. When the SYN queue is full a SYN
 * is dropped silently, or answered with a SYN cookie (RFC 4987 3.6) when enabled; never with a
 * RST (docs/rfc-notes.md A33). Like a connection, it acts on the world only through its {@link
 * TcpHost}.
 */
public final class Listener {
  private final TcpHost host;
  private final TcpConfig cfg;
  private final ConnectionId id;
  private final ListenHandler handler;
  private final ArrayDeque<Connection> acceptQueue = new ArrayDeque<>();
  private final ListenerCounters counters = new ListenerCounters();
  private int synQueue;
  private boolean autoAccept = true;
  private boolean open = true;

  public Listener(TcpHost host, TcpConfig cfg, Endpoint local, ListenHandler handler) {
    this.host = host;
    this.cfg = cfg;
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

  /** What this listener counted (also published as {@code ListenerEvent} trace events). */
  public ListenerCounters counters() {
    return counters;
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
    return accept(false);
  }

  /**
   * {@code announcing}: the connection is being offered as it becomes established, and tells its
   * new handler "connected" itself right after.
   */
  private Connection accept(boolean announcing) {
    Connection c = acceptQueue.poll();
    if (c == null) {
      return null;
    }
    counters.accepted++;
    event("accepted");
    SocketHandler h = handler == null ? null : handler.accepted(c);
    c.setHandler(h);
    if (c.state() != TcpState.CLOSED && h != null) {
      if (!announcing) {
        h.connected(c); // accepted after the fact: the handler had not heard of it yet
      }
      c.setReading(true);
    }
    return c;
  }

  /** CLOSE in LISTEN (RFC 9293 3.10.4): the listener goes; its connections stay. */
  public void close() {
    end(Transition.CLOSE_LISTEN);
  }

  /** ABORT in LISTEN (RFC 9293 3.10.5): the same as CLOSE, since nothing has been sent. */
  public void abort() {
    end(Transition.ABORT_LISTEN);
  }

  /** "Delete TCB, enter CLOSED state": SYNs to the port now find no listener. */
  private void end(Transition t) {
    if (!open) {
      throw new TcpError(TcpError.DOES_NOT_EXIST);
    }
    open = false;
    host.stateChanged(id, TcpState.LISTEN, TcpState.CLOSED, t.cause());
    host.listenerClosed(this);
  }

  // --- RFC 9293 3.10.7.2: LISTEN STATE --------------------------------------------------------

  /** A segment for this listener's port from {@code remote}, with no connection of its own. */
  public void segmentArrives(Endpoint remote, Segment seg) {
    segmentArrives(remote, seg, OptionalInt.empty());
  }

  /**
   * As {@link #segmentArrives(Endpoint, Segment)}; a SYN that opens a connection takes the ISS
   * {@code iss} when given (a TIME-WAIT reopened by MAY-2 chooses it), else the host's.
   */
  public void segmentArrives(Endpoint remote, Segment seg, OptionalInt iss) {
    // First, check for a RST: "An incoming RST segment could not be valid since it could not
    // have been sent in response to anything sent by this incarnation of the connection."
    if (seg.has(RST)) {
      drop(remote, seg, TcpDropReason.RST, "RST in LISTEN is ignored (RFC 9293 3.10.7.2, first check)");
      return;
    }
    // Second, check for an ACK: a returning SYN cookie, or "<SEQ=SEG.ACK><CTL=RST>".
    if (seg.has(ACK)) {
      if (!seg.has(SYN) && cfg.synCookies() && cookieArrives(remote, seg)) {
        return;
      }
      host.transmit(id.local(), remote,
          Segment.builder().ports(port(), remote.port()).seq(seg.ack()).flags(RST).build(),
          "ACK in LISTEN: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 3.10.7.2, second check)");
      drop(remote, seg, TcpDropReason.NO_CONNECTION, "ACK in LISTEN (RFC 9293 3.10.7.2, second check)");
      return;
    }
    // Third, check for a SYN.
    if (!seg.has(SYN)) {
      drop(remote, seg, TcpDropReason.NO_SYN, "neither RST, ACK nor SYN in LISTEN (RFC 9293 3.10.7.2, fourth check)");
      return;
    }
    counters.synReceived++;
    if (synQueue >= cfg.backlog() || acceptQueue.size() >= cfg.backlog()) {
      backlogFull(remote, seg);
      return;
    }
    Connection c = newConnection(remote);
    synQueue++;
    event("syn-queued");
    c.openPassive(seg, iss.isPresent() ? iss.getAsInt() : host.iss(c.id()));
    if (seg.dataLength() > 0) {
      drop(remote, seg, TcpDropReason.SYN_DATA, "data on a SYN is not kept; the peer sends it again (docs/rfc-notes.md A32)");
    }
  }

  /** The SYN queue (or the accept queue) is full (RFC 4987 2, 3.6). */
  private void backlogFull(Endpoint remote, Segment seg) {
    if (!cfg.synCookies()) {
      counters.synDropped++;
      event("syn-dropped");
      drop(remote, seg, TcpDropReason.BACKLOG, "SYN queue full: SYN dropped silently (RFC 4987 2)");
      return;
    }
    // RFC 4987 3.6: answer without keeping state; the cookie is the ISS, and the SYN,ACK offers
    // the MSS the cookie can encode.
    int peerMss = TcpStack.peerMss(seg.options());
    int cookie = host.synCookies().encode(host.now(), id.local().address(), port(),
        remote.address(), remote.port(), seg.seq(), peerMss);
    Segment synAck = Segment.builder()
        .ports(port(), remote.port())
        .seq(cookie)
        .ack(SeqNum.add(seg.seq(), 1))
        .flags(SYN | ACK)
        .window(Math.min(cfg.window(), 65535))
        .options(TcpOptions.NONE.withMss(cfg.mss()))
        .build();
    counters.synCookiesSent++;
    event("syn-cookies-sent");
    host.transmit(id.local(), remote, synAck, "SYN queue full: stateless SYN,ACK with a cookie (RFC 4987 3.6)");
  }

  /** An ACK reached the listener: a valid SYN cookie creates the connection (RFC 4987 3.6). */
  private boolean cookieArrives(Endpoint remote, Segment seg) {
    int mss = host.synCookies().validate(host.now(), id.local().address(), port(),
        remote.address(), remote.port(), SeqNum.add(seg.seq(), -1), SeqNum.add(seg.ack(), -1));
    if (mss < 0) {
      counters.synCookiesRejected++;
      event("syn-cookies-rejected");
      return false;
    }
    if (acceptQueue.size() >= cfg.backlog()) {
      counters.acceptOverflow++;
      event("accept-overflow");
      drop(remote, seg, TcpDropReason.BACKLOG, "valid SYN cookie but the accept queue is full (RFC 4987 3.6)");
      return true;
    }
    counters.synCookiesAccepted++;
    Connection c = newConnection(remote);
    synQueue++; // established() takes it off again
    event("syn-cookies-accepted");
    c.openFromCookie(seg, mss);
    if (c.state() != TcpState.CLOSED && (seg.dataLength() > 0 || seg.has(TcpFlags.FIN))) {
      c.segmentArrives(seg); // the data riding on the ACK
    }
    return true;
  }

  private Connection newConnection(Endpoint remote) {
    Connection c = new Connection(host, cfg, new ConnectionId(id.local(), remote), this, null);
    host.connectionCreated(c);
    return c;
  }

  private void drop(Endpoint remote, Segment seg, TcpDropReason reason, String cause) {
    host.dropped(remote, id.local(), seg, reason, cause);
  }

  // --- What its connections tell it -------------------------------------------------------------

  /** Whether a SYN would make a connection now, not be dropped or answered with a cookie. */
  boolean hasSynRoom() {
    return synQueue < cfg.backlog() && acceptQueue.size() < cfg.backlog();
  }

  boolean hasAcceptRoom() {
    return acceptQueue.size() < cfg.backlog();
  }

  /** A half-open connection reached ESTABLISHED: it leaves the SYN queue. */
  void established() {
    synQueue--;
  }

  /** An established connection joins the accept queue, and is accepted at once if auto-accepting. */
  void offer(Connection c) {
    acceptQueue.add(c);
    if (autoAccept) {
      accept(true);
    }
  }

  /** A half-open connection went away (RST, SYN, ABORT): its SYN queue slot is free. */
  void halfOpenGone() {
    synQueue--;
    event("half-open-gone");
  }

  /** A half-open connection's SYN,ACK retries ran out (RFC 4987 2). */
  void synAckTimeout() {
    synQueue--;
    counters.synackTimeouts++;
    event("synack-timeout");
  }

  /** The completing ACK found the accept queue full. */
  void acceptOverflow() {
    counters.acceptOverflow++;
    event("accept-overflow");
  }

  private void event(String what) {
    host.listenerEvent(this, what);
  }

  @Override
  public String toString() {
    return id + " LISTEN";
  }
}
