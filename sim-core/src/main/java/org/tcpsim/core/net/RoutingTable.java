package org.tcpsim.core.net;

import java.util.Arrays;
import java.util.List;

/**
 * A node's forwarding table: exact host routes in a sorted array (binary search, no boxing),
 * then prefix routes, longest first.
 */
final class RoutingTable {
  static final RoutingTable EMPTY = new RoutingTable(new int[0], new NetInterface[0], List.of());

  record PrefixRoute(Prefix prefix, NetInterface out) {}

  private final int[] hosts;
  private final NetInterface[] hostOut;
  private final PrefixRoute[] prefixes;

  /** {@code hosts} sorted ascending, {@code hostOut} parallel to it. */
  RoutingTable(int[] hosts, NetInterface[] hostOut, List<PrefixRoute> prefixRoutes) {
    this.hosts = hosts;
    this.hostOut = hostOut;
    this.prefixes = prefixRoutes.stream()
        .sorted((x, y) -> Integer.compare(y.prefix().length(), x.prefix().length()))
        .toArray(PrefixRoute[]::new);
  }

  NetInterface lookup(int dst) {
    int i = Arrays.binarySearch(hosts, dst);
    if (i >= 0) {
      return hostOut[i];
    }
    for (PrefixRoute r : prefixes) {
      if (r.prefix().contains(dst)) {
        return r.out();
      }
    }
    return null;
  }
}
