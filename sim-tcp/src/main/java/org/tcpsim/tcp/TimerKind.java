package org.tcpsim.tcp;

/**
 * The timers of one connection (RFC 9293 3.8; RFC 6298; RFC 1122 4.2.2.17, 4.2.3.2, 4.2.3.6),
 * by the name the trace gives them ({@code "ev":"timer"}, {@code "timer":"retransmit"}).
 */
public enum TimerKind {
  /** RFC 6298: the retransmission timer, also for the SYN and SYN,ACK. */
  RETRANSMIT("retransmit"),
  /** RFC 9293 3.8.6.1 and RFC 1122 4.2.2.17: zero-window probes and the sender's SWS wait. */
  PERSIST("persist"),
  /** RFC 1122 4.2.3.2: the delayed ACK (MUST-40: under 0.5 s). */
  DELAYED_ACK("delayed-ack"),
  /** RFC 1122 4.2.3.6: keep-alive probes, when the application turns them on. */
  KEEPALIVE("keepalive"),
  /** RFC 9293 3.10.8: the 2 MSL linger (MUST-13). */
  TIME_WAIT("time-wait"),
  /**
   * Not a timer of its own: the retransmission count reaching R1 (RFC 1122 4.2.3.5), traced as a
   * timer event because it is one step of the retransmission timer's story.
   */
  R1("r1");

  /**
   * The timers a connection arms, in declaration order ({@link Connection} keeps them in an array
   * by ordinal); {@link #R1}, declared last, is only ever traced.
   */
  static final TimerKind[] ARMED = {RETRANSMIT, PERSIST, DELAYED_ACK, KEEPALIVE, TIME_WAIT};

  private final String text;

  TimerKind(String text) {
    this.text = text;
  }

  /** The trace's name for it, e.g. {@code delayed-ack}. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
