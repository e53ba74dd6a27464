package org.tcpsim.tcp;

/**
 * Why a host's TCP discarded a segment, spelled as the trace's {@code drop} events spell it
 * ({@code "reason":"out-of-window"}). The network's own reasons ({@code loss}, {@code queue}, ...)
 * are sim-core's {@link org.tcpsim.core.trace.DropReason}.
 */
public enum TcpDropReason {
  /** The checksum failed: the segment was damaged on a link (RFC 9293 3.1). */
  CHECKSUM("checksum"),
  /** Outside the receive window (RFC 9293 3.10.7.4, first check). */
  OUT_OF_WINDOW("out-of-window"),
  /** An ACK the state does not accept (RFC 9293 3.10.7.3 and 3.10.7.4, fifth check). */
  UNACCEPTABLE_ACK("unacceptable-ack"),
  /** An ACK older than SND.UNA - MAX.SND.WND (RFC 5961 5.2; MAY-12). */
  OLD_ACK("old-ack"),
  /** A segment without ACK in a synchronized state (RFC 9293 3.10.7.4, fifth check). */
  NO_ACK("no-ack"),
  /** Neither SYN nor RST where one of them was needed (RFC 9293 3.10.7.2, 3.10.7.3). */
  NO_SYN("no-syn"),
  /** A RST that is ignored (LISTEN, SYN-SENT without ACK, RFC 5961, RFC 1337). */
  RST("rst"),
  /** A SYN inside the window of a synchronized connection (RFC 9293 3.10.7.4, fourth check). */
  SYN("syn"),
  /** Data on a SYN, which is not kept (the peer sends it again). */
  SYN_DATA("syn-data"),
  /** The listener's SYN queue or accept queue is full (RFC 4987 2). */
  BACKLOG("backlog"),
  /** An ACK reached a listener and belongs to no connection (RFC 9293 3.10.7.2). */
  NO_CONNECTION("no-connection"),
  /** No connection and no listener (RFC 9293 3.10.7.1). */
  NO_LISTENER("no-listener");

  private final String text;

  TcpDropReason(String text) {
    this.text = text;
  }

  /** The trace's spelling, e.g. {@code out-of-window}. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
