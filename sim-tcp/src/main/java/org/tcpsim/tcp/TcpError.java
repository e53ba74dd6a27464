package org.tcpsim.tcp;

/**
 * A user call the RFC answers with an error ("error: connection does not exist", RFC 9293 3.10).
 * The message is the RFC's text; {@link #response()} is the same as a {@link TcpSignal}.
 */
public final class TcpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final TcpSignal DOES_NOT_EXIST = TcpSignal.ERROR_DOES_NOT_EXIST;
  public static final TcpSignal ALREADY_EXISTS = TcpSignal.ERROR_ALREADY_EXISTS;
  public static final TcpSignal CLOSING = TcpSignal.ERROR_CLOSING;
  public static final TcpSignal FOREIGN_SOCKET_UNSPECIFIED = TcpSignal.ERROR_FOREIGN_SOCKET_UNSPECIFIED;
  public static final TcpSignal INSUFFICIENT_RESOURCES = TcpSignal.ERROR_INSUFFICIENT_RESOURCES;
  public static final TcpSignal PORT_IN_USE = TcpSignal.ERROR_PORT_IN_USE;

  private final TcpSignal response;

  public TcpError(TcpSignal response) {
    super(response.text(), null, false, false);
    if (!response.isError()) {
      throw new IllegalArgumentException(response + " is not an error response");
    }
    this.response = response;
  }

  /** The RFC's error response. */
  public TcpSignal response() {
    return response;
  }
}
