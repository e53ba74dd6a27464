package org.tcpsim.scenario.model;

import java.util.OptionalLong;

/**
 * One line of an expected ladder, {@code B > A SYN,ACK seq=300 ack=101}: who sent to whom, the
 * exact flags, and the fields written (those not written are not compared).
 *
 * @param from a host name or dotted address, as written
 * @param to a host name or dotted address, as written
 * @param flags TCP flags as in {@code org.tcpsim.tcp.TcpFlags}
 * @param len data octets
 * @param window advertised window ({@code wnd=})
 */
public record LadderLine(
    String text,
    String from,
    String to,
    int flags,
    OptionalLong seq,
    OptionalLong ack,
    OptionalLong len,
    OptionalLong window,
    Loc loc) {}
