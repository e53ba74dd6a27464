package org.tcpsim.tcp;

/**
 * A user call the RFC answers with an error ("error: connection does not exist", RFC 9293 3.10).
 * The message is the RFC's text.
 */
public final class TcpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String DOES_NOT_EXIST = "error: connection does not exist";
  public static final String ALREADY_EXISTS = "error: connection already exists";
  public static final String CLOSING = "error: connection closing";
  public static final String FOREIGN_SOCKET_UNSPECIFIED = "error: foreign socket unspecified";
  public static final String INSUFFICIENT_RESOURCES = "error: insufficient resources";
  public static final String PORT_IN_USE = "error: local port in use";

  public TcpError(String rfcMessage) {
    super(rfcMessage, null, false, false);
  }
}
