package org.tcpsim.tcp;

import java.util.Arrays;
import java.util.List;

/**
 * What TCP tells its user about a connection (RFC 9293 3.9 and 3.10), spelled as the trace's
 * {@code user} events and the scenario language's {@code signal} expectations spell it.
 */
public enum TcpSignal {
  /** The connection reached ESTABLISHED. */
  CONNECTED("connected"),
  /** The peer's FIN arrived: "connection closing" (RFC 9293 3.10.7.4, eighth check). */
  CLOSING("closing"),
  /** A normal close ended the connection (MUST-12 tells it from an abort). */
  CLOSED("closed"),
  /** "connection reset": an acceptable RST arrived. */
  CONNECTION_RESET("connection reset"),
  /** "connection refused": a RST answered an active OPEN (RFC 9293 3.10.7.4, second check). */
  CONNECTION_REFUSED("connection refused"),
  /** The local user called ABORT (RFC 9293 3.10.5). */
  CONNECTION_ABORTED("connection aborted"),
  /** Retransmissions or keep-alive probes gave up (RFC 1122 4.2.3.5, R2). */
  TIMEOUT("timeout"),

  // The error responses to user calls (RFC 9293 3.10), which a {@link TcpError} carries.

  /** The call names a connection that does not exist (CLOSED). */
  ERROR_DOES_NOT_EXIST("error: connection does not exist"),
  /** OPEN for a 4-tuple or port already in use. */
  ERROR_ALREADY_EXISTS("error: connection already exists"),
  /** SEND or CLOSE after CLOSE. */
  ERROR_CLOSING("error: connection closing"),
  /** SEND on a passive OPEN that has no peer yet. */
  ERROR_FOREIGN_SOCKET_UNSPECIFIED("error: foreign socket unspecified"),
  /** No ephemeral port, or no room. */
  ERROR_INSUFFICIENT_RESOURCES("error: insufficient resources"),
  /** The local port is taken. */
  ERROR_PORT_IN_USE("error: local port in use");

  private static final String ERROR_PREFIX = "error: ";

  private final String text;

  TcpSignal(String text) {
    this.text = text;
  }

  /** The spelling of the trace and of scenario files, e.g. {@code connection reset}. */
  public String text() {
    return text;
  }

  /** Whether this ending counts as a reset in the host's {@code connections.reset} counter. */
  public boolean isReset() {
    return this == CONNECTION_RESET || this == CONNECTION_REFUSED;
  }

  /** Whether this is an error response to a user call rather than news of the connection. */
  public boolean isError() {
    return text.startsWith(ERROR_PREFIX);
  }

  /**
   * The names a scenario may use for it: its spelling, and for an error response also the
   * spelling without {@code "error: "} ({@code connection does not exist}).
   */
  public List<String> names() {
    return isError() ? List.of(text, text.substring(ERROR_PREFIX.length())) : List.of(text);
  }

  /** Every name of every signal, in declaration order (for error messages and "did you mean"). */
  public static List<String> allNames() {
    return Arrays.stream(values()).flatMap(s -> s.names().stream()).toList();
  }

  /** The signal with the name {@code name} (see {@link #names()}), or null. */
  public static TcpSignal byName(String name) {
    for (TcpSignal s : values()) {
      if (s.names().contains(name)) {
        return s;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return text;
  }
}
