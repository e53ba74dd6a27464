package org.tcpsim.tcp;

/** What the STATUS call reports about a connection (RFC 9293 3.10.6), with its RTO and window. */
public record ConnectionStatus(
    ConnectionId id,
    TcpState state,
    int sndUna,
    int sndNxt,
    int sndWnd,
    int rcvNxt,
    int rcvWnd,
    long sendQueue,
    long unread,
    long rto,
    int cwnd,
    int ssthresh) {

  static ConnectionStatus of(Connection c) {
    return new ConnectionStatus(c.id(), c.state(), c.sndUna, c.sndNxt, c.sndWnd, c.rcvNxt,
        c.rcvWnd(), c.sender().queued(), c.receiver().unread(), c.rtt().rto(),
        c.congestionControl().cwnd(), c.congestionControl().ssthresh());
  }
}
