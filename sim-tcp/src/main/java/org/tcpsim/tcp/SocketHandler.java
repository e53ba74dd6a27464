package org.tcpsim.tcp;

/**
 * What an application hears from its connection (RFC 9293 3.9's signals to the user). Every method
 * has an empty default, so an application overrides only what it needs. The same signals are
 * published on the trace bus as {@code user} events.
 */
public interface SocketHandler {
  /** The connection reached ESTABLISHED ("connected"). */
  default void connected(Connection c) {}

  /**
   * In-order data arrived. {@code data} holds the octets when the sender sent real content, else
   * null (only the length is simulated).
   */
  default void data(Connection c, int length, byte[] data) {}

  /** The peer closed its direction: no more data will come ("connection closing"). */
  default void peerClosed(Connection c) {}

  /**
   * The connection ended. {@code signal} tells how (RFC 9293 MUST-12): {@link TcpSignal#CLOSED}
   * for a normal close, or a reset, a refusal, an abort or a timeout.
   */
  default void closed(Connection c, TcpSignal signal) {}

  /**
   * Retransmission reached R1 (RFC 9293 3.8.3 (e), SHLD-9): data has gone unacknowledged for
   * {@code r1} retransmissions; the connection keeps trying until R2 ("delivery problem"; off
   * with the {@code r1-signal} setting).
   */
  default void deliveryProblem(Connection c) {}

  /** Everything sent so far was acknowledged (the send buffer is empty). */
  default void sendBufferEmpty(Connection c) {}
}
