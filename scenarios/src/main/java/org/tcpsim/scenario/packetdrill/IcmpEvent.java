package org.tcpsim.scenario.packetdrill;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * An ICMP message about a TCP segment: {@code < icmp unreachable frag_needed mtu 800
 * [0:1000(1000)]}. packetdrill writes the type, then an optional code, an optional
 * {@code mtu N}, and in brackets the sequence range of the TCP segment the message quotes.
 */
public record IcmpEvent(
    Event.Direction direction,
    String type,
    Optional<String> code,
    OptionalLong mtu,
    Optional<SeqRange> quoted)
    implements Event.Action {}
