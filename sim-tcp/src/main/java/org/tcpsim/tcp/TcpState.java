package org.tcpsim.tcp;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The eleven connection states of RFC 9293 section 3.3.2. {@link #toString()} gives the RFC's
 * spelling ({@code SYN-SENT}), which is also the spelling of the JSON trace's {@code state}
 * events (README, Outputs, JSON Lines trace).
 */
public enum TcpState {
  CLOSED,
  LISTEN,
  SYN_SENT,
  SYN_RECEIVED,
  ESTABLISHED,
  FIN_WAIT_1,
  FIN_WAIT_2,
  CLOSE_WAIT,
  CLOSING,
  LAST_ACK,
  TIME_WAIT;

  private final String rfcName = name().replace('_', '-');

  /**
   * Whether this is one of the synchronized states of RFC 9293 3.5.2, group 3 (ESTABLISHED,
   * FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT): both sides' initial
   * sequence numbers are known, so an unacceptable segment gets an empty ACK rather than a RST.
   */
  public boolean isSynchronized() {
    return switch (this) {
      // Group 1 (CLOSED) and group 2 (LISTEN, SYN-SENT, SYN-RECEIVED) of RFC 9293 3.5.2.
      case CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED -> false;
      case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT -> true;
    };
  }

  /**
   * Whether the output routine may send data or a FIN in this state: from ESTABLISHED on, until
   * our FIN is sent and, after it, for retransmissions (RFC 9293 3.10.2 and 3.10.4).
   */
  public boolean canSendData() {
    return switch (this) {
      case ESTABLISHED, CLOSE_WAIT, FIN_WAIT_1, CLOSING, LAST_ACK -> true;
      case CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, FIN_WAIT_2, TIME_WAIT -> false;
    };
  }

  /** The RFC spelling, e.g. {@code SYN-RECEIVED}, {@code FIN-WAIT-1}. */
  @Override
  public String toString() {
    return rfcName;
  }

  /**
   * Parses the RFC spelling ({@code SYN-SENT}) or the enum name ({@code SYN_SENT}), ignoring case
   * and surrounding white space.
   *
   * @throws IllegalArgumentException naming the text and listing the valid states
   */
  public static TcpState parse(String text) {
    String key = text.strip();
    for (TcpState s : values()) {
      if (s.rfcName.equalsIgnoreCase(key) || s.name().equalsIgnoreCase(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown TCP state '"
            + text
            + "'; valid states: "
            + Arrays.stream(values()).map(TcpState::toString).collect(Collectors.joining(", ")));
  }
}
