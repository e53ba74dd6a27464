package org.tcpsim.scenario.output;

import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SeqNum;
import org.tcpsim.tcp.TcpFlags;

/**
 * A segment in the abbreviated form of RFC 9293's figures (3.5, 3.6): {@code
 * <SEQ=100><ACK=301><CTL=SYN,ACK>}, with absolute sequence numbers as the figures use them.
 *
 * <p>{@code <ACK=..>} only when the ACK bit is set (the figures leave it out otherwise). The
 * control bits in the figures' order, SYN, FIN, RST, ACK ({@code <CTL=FIN,ACK>}, {@code
 * <CTL=RST,ACK>}); PSH is left out, as the figures do not show it and the state machine does not
 * use it. Data is {@code <DATA=10>} (Figure 6 writes {@code <DATA>}, Figure 10 {@code <DATA=10>});
 * the RFC's "other fields such as window, addresses, lengths" are left out.
 */
final class RfcNotation {
  private static final int[] CTL_ORDER = {
    TcpFlags.SYN, TcpFlags.FIN, TcpFlags.RST, TcpFlags.ACK,
    TcpFlags.URG, TcpFlags.ECE, TcpFlags.CWR
  };

  private static final String[] CTL_NAMES = {"SYN", "FIN", "RST", "ACK", "URG", "ECE", "CWR"};

  private RfcNotation() {}

  static String of(Segment s) {
    StringBuilder sb = new StringBuilder(48);
    sb.append("<SEQ=").append(SeqNum.format(s.seq())).append('>');
    if (s.has(TcpFlags.ACK)) {
      sb.append("<ACK=").append(SeqNum.format(s.ack())).append('>');
    }
    int start = sb.length();
    for (int i = 0; i < CTL_ORDER.length; i++) {
      if (s.has(CTL_ORDER[i])) {
        sb.append(sb.length() == start ? "<CTL=" : ",").append(CTL_NAMES[i]);
      }
    }
    if (sb.length() != start) {
      sb.append('>');
    }
    if (s.dataLength() > 0) {
      sb.append("<DATA=").append(s.dataLength()).append('>');
    }
    return sb.toString();
  }
}
