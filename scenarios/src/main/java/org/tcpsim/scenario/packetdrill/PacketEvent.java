package org.tcpsim.scenario.packetdrill;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A TCP segment line: {@code < S. 0:0(0) ack 1 win 32768 <mss 1000,nop,wscale 6>}.
 *
 * @param ecn the IP ECN field written before the flags ({@code [ect0]}, {@code [ect1]},
 *     {@code [ce]}, {@code [noecn]}), if any
 * @param flags the flags as written: letters from {@code SFRPEWUN} and {@code .} for ACK, or
 *     {@code -} for none
 * @param ack the {@code ack N} value, if written
 * @param win the {@code win N} value, if written
 * @param urg the {@code urg N} value (urgent pointer), if written
 */
public record PacketEvent(
    Event.Direction direction,
    Optional<String> ecn,
    String flags,
    SeqRange seq,
    OptionalLong ack,
    OptionalLong win,
    OptionalLong urg,
    TcpOptions options)
    implements Event.Action {

  /** Whether the flags hold {@code c} ({@code '.'} for ACK). */
  public boolean has(char c) {
    return flags.indexOf(c) >= 0;
  }
}
