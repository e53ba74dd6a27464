package org.tcpsim.scenario.model;

import java.util.Optional;

/** An entry of {@code attacks:}, one key naming the kind. */
public sealed interface Attack permits Attack.SynFlood {
  Loc loc();

  /**
   * {@code { syn-flood: { target: B:80, from: M, rate: 1000/s, start: 1s, stop: 6s, spoof:
   * 198.51.100.0/24 } }}.
   *
   * @param from the node where the SYNs enter the network
   * @param implicitFrom {@code from} is not declared under {@code hosts}: the runner adds an
   *     attacker node of that name (no TCP, no address of its own), linked to the target host's
   *     neighbour; then {@code spoof} is required
   * @param rate SYNs per second
   * @param start first SYN, ns
   * @param stop no SYN at or after this time, ns ({@link Long#MAX_VALUE}: until the end)
   * @param spoof source addresses drawn uniformly from this prefix; empty: from's own address
   */
  record SynFlood(
      EndpointRef target,
      String from,
      boolean implicitFrom,
      double rate,
      long start,
      long stop,
      Optional<org.tcpsim.core.net.Prefix> spoof,
      Loc loc)
      implements Attack {}
}
