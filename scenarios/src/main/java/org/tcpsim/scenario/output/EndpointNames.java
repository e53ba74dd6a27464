package org.tcpsim.scenario.output;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;

/**
 * Names endpoints the way scenario files write them, {@code A:1024} instead of {@code
 * 10.0.0.1:1024}, falling back to the dotted address for an address that is no host's (a spoofed
 * source, say). One per writer: the cache belongs to one run.
 */
final class EndpointNames {
  private final IntFunction<String> hostName;
  private final Map<Endpoint, String> cache = new HashMap<>();

  EndpointNames(IntFunction<String> hostName) {
    this.hostName = Objects.requireNonNull(hostName, "hostName");
  }

  /** {@code A:1024}, or {@code 198.51.100.7:1024} when the address is no host's. */
  String of(Endpoint e) {
    String s = cache.get(e);
    if (s == null) {
      s = host(e.address()) + ":" + e.port();
      cache.put(e, s);
    }
    return s;
  }

  /** The host's name, or the dotted address. */
  String host(int address) {
    String name = hostName.apply(address);
    return name != null ? name : Ipv4.format(address);
  }

  /** The host's name, or null when the address is no host's. */
  String hostOrNull(int address) {
    return hostName.apply(address);
  }

  /** {@code local>remote} as in the JSON trace's {@code conn}; a listener is {@code B:80>*}. */
  String conn(ConnectionId id) {
    return of(id.local()) + ">" + (id.remote() == null ? "*" : of(id.remote()));
  }
}
