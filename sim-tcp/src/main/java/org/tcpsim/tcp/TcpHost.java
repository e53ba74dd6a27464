package org.tcpsim.tcp;

/**
 * Everything a {@link Connection} or {@link Listener} needs from the host it runs on, and the
 * only way its effects leave it: the time, segments to put on the wire, timers, what to trace,
 * and the host-wide state shared by all its connections. {@link TcpStack} implements it over a
 * simulator and a network; a unit test implements it with a list and a clock it moves by hand.
 *
 * <p>The core reads the time only through {@link #now()}, and only while it handles an input (a
 * segment, a user call, a timer's expiry), so the host decides what "now" is.
 */
public interface TcpHost {
  /** The current time in nanoseconds. */
  long now();

  /** A timer of {@code c}; when it expires, the host calls {@link Connection#timerExpired}. */
  Timer timer(Connection c, TimerKind kind);

  /** Puts {@code s}, from {@code src} to {@code dst}, on the wire; {@code cause} says why. */
  void transmit(Endpoint src, Endpoint dst, Segment s, String cause);

  /** A connection or listener changed state ({@code from != to}). */
  void stateChanged(ConnectionId id, TcpState from, TcpState to, String cause);

  /** What the user was told. */
  void signalled(ConnectionId id, TcpSignal signal);

  /** A timer expired ({@code detail} is null, or says what the expiry meant). */
  void timerFired(ConnectionId id, TimerKind kind, String detail);

  /** The TCP discarded a segment from {@code src} to {@code dst}. */
  void dropped(Endpoint src, Endpoint dst, Segment seg, TcpDropReason reason, String cause);

  /** A listener's queues changed; {@code what} names the counter it bumped. */
  void listenerEvent(Listener l, String what);

  /** A listener made a connection for a SYN or a SYN cookie: segments for its 4-tuple go to it. */
  void connectionCreated(Connection c);

  /** The connection's TCB was deleted: its 4-tuple is free. */
  void connectionReleased(Connection c);

  /** The listener was closed: its port is free, and SYNs to it find no listener. */
  void listenerClosed(Listener l);

  /** The host's ISN generator's choice for a new connection (RFC 9293 3.4.1). */
  int iss(ConnectionId id);

  /** The host's SYN cookie secret (RFC 4987 3.6). */
  SynCookies synCookies();

  /** The host-wide challenge-ACK rate limit (RFC 5961 7). */
  ChallengeAckLimit challengeAcks();

  /** The host-wide counters. */
  TcpCounters counts();
}
