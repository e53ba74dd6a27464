package org.tcpsim.scenario.model;

import org.tcpsim.core.net.ChannelConfig;

/**
 * A full-duplex point-to-point link between two nodes. Each direction has its own channel
 * configuration: the link's keys apply to both, and an {@code A>B:} map inside the link
 * overrides them for packets travelling from A to B.
 *
 * @param a the first node of {@code between}
 * @param b the second node of {@code between}
 * @param ab the direction a to b
 * @param ba the direction b to a
 */
public record LinkSpec(String a, String b, ChannelConfig ab, ChannelConfig ba, Loc loc) {
  /** The name of the link as written in traces: {@code A-B}. */
  public String name() {
    return a + "-" + b;
  }
}
