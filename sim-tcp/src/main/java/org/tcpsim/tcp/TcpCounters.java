package org.tcpsim.tcp;

/** The counters of one host's TCP that its connections bump (the rest are the stack's own). */
public final class TcpCounters {
  long retransmissions;
  long established;
  long resets;

  /** Segments sent again (RFC 6298 timeouts, fast retransmit, SYN and SYN,ACK retries). */
  public long retransmissions() {
    return retransmissions;
  }

  /** Connections that reached ESTABLISHED. */
  public long established() {
    return established;
  }

  /** Connections that ended with "connection reset" or "connection refused". */
  public long resets() {
    return resets;
  }
}
