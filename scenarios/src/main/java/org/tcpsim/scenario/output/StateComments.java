package org.tcpsim.scenario.output;

/**
 * Reads a state change's cause (the sentence sim-tcp gives every transition) for what the ladder
 * needs: the RFC figures' comments ({@code (Close)}, {@code (2 MSL)}) and whether the change came
 * from a user call rather than from the segment just processed.
 *
 * <p>This depends on the wording of the causes in {@code org.tcpsim.tcp.Connection}; the ladder
 * tests pin the cases used here.
 */
final class StateComments {
  private StateComments() {}

  /**
   * A user's OPEN or CLOSE (RFC 9293 3.10.1, 3.10.4): the state belongs to the segment that the
   * call sends next (the SYN, the FIN), not to a segment that arrived at the same instant (a FIN
   * that made the application close: Figure 12 line 4).
   */
  static boolean isUserCall(String cause) {
    return cause != null && (cause.startsWith("active OPEN") || cause.startsWith("CLOSE"));
  }

  /** The figure comment for a cause, or null. */
  static String of(String cause) {
    if (cause == null) {
      return null;
    }
    if (cause.startsWith("CLOSE in")) {
      return "(Close)"; // RFC 9293 Figures 12 and 13
    }
    if (cause.startsWith("ABORT")) {
      return "(Abort)"; // RFC 9293 3.10.5
    }
    if (cause.contains("2 MSL")) {
      return "(2 MSL)"; // RFC 9293 Figures 12 and 13
    }
    if (cause.contains("exhausted") || cause.contains("unanswered")) {
      return "(timeout)"; // RFC 1122 4.2.3.5 R2, keep-alive
    }
    return null;
  }
}
