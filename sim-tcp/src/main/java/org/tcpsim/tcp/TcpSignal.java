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
  /** "connection reset": an acceptable RST arrived. */
  CONNECTION_RESET("connection reset"),
  /** "connection refused": a RST answered an active OPEN (RFC 9293 3.10.7.4, second check). */
  CONNECTION_REFUSED("connection refused"),
  /** The peer's FIN arrived: "connection closing" (RFC 9293 3.10.7.4, eighth check). */
  CLOSING("closing"),
  /** A normal close ended the connection (MUST-12 tells it from an abort). */
  CLOSED("closed"),
  /** Retransmissions or keep-alive probes gave up (RFC 1122 4.2.3.5, R2). */
  TIMEOUT("timeout"),
  /** The local user called ABORT (RFC 9293 3.10.5). */
  CONNECTION_ABORTED("connection aborted"),
  /**
   * Retransmission reached R1 (RFC 9293 3.8.3 (e), SHLD-9): the connection goes on, but the
   * application hears of the delivery problem before R2 ends it.
   */
  DELIVERY_PROBLEM("delivery problem"),

  // The error responses to user calls (RFC 9293 3.10), which a {@link TcpError} carries.

  /** SEND or CLOSE after CLOSE. */
  ERROR_CLOSING("error: connection closing"),
  /** The call names a connection that does not exist (CLOSED). */
  ERROR_DOES_NOT_EXIST("error: connection does not exist"),
  /** OPEN for a 4-tuple or port already in use. */
  ERROR_ALREADY_EXISTS("error: connection already exists"),
  /** No ephemeral port, or no room. */
  ERROR_INSUFFICIENT_RESOURCES("error: insufficient resources"),
  /** SEND on a passive OPEN that has no peer yet. */
  ERROR_FOREIGN_SOCKET_UNSPECIFIED("error: foreign socket unspecified"),
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
   * The name a scenario's {@code signal} expectation gives it: its spelling, without {@code
   * "error: "} for an error response ({@code connection does not exist}).
   */
  public String scenarioName() {
    return isError() ? text.substring(ERROR_PREFIX.length()) : text;
  }

  /** Every scenario name, in declaration order (for error messages and "did you mean"). */
  public static List<String> scenarioNames() {
    return Arrays.stream(values()).map(TcpSignal::scenarioName).toList();
  }

  /** The signal whose scenario name is {@code name}, or null. */
  public static TcpSignal byScenarioName(String name) {
    for (TcpSignal s : values()) {
      if (s.scenarioName().equals(name)) {
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
