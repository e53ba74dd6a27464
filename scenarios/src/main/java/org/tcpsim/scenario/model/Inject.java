package org.tcpsim.scenario.model;


/**
 * A crafted segment put into the network: {@code { at: 100ms, from: "A:1024", to: "B:80",
 * flags: [SYN], seq: 90 }}.
 *
 * @param flags TCP flags as in {@code org.tcpsim.tcp.TcpFlags}
 * @param seq sequence number, 0..2^32-1
 * @param ack acknowledgment number, 0..2^32-1 (sent only when ACK is set)
 * @param window advertised window, 0..65535
 * @param len data octets
 * @param via the node where it enters the network: by default the host owning {@code from}'s
 *     address
 */
public record Inject(
    long at,
    EndpointRef from,
    EndpointRef to,
    int flags,
    long seq,
    long ack,
    int window,
    int len,
    String via,
    Loc loc) {}
