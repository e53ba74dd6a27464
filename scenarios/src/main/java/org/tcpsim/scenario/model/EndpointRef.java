package org.tcpsim.scenario.model;

import java.util.Optional;
import org.tcpsim.core.net.Ipv4;

/**
 * An address and port written {@code B:80} (a host name standing for its address) or {@code
 * 10.0.0.2:80}.
 *
 * @param host the declared host that owns the address, if any (an address of no host is a
 *     spoofed or unreachable one)
 * @param address the IPv4 address as an int
 * @param port 1..65535
 */
public record EndpointRef(Optional<String> host, int address, int port) {
  /** {@code 10.0.0.2:80}. */
  @Override
  public String toString() {
    return Ipv4.format(address) + ":" + port;
  }

  /** {@code B:80} when the address is a host's, else {@code 10.0.0.2:80}. */
  public String display() {
    return host.orElse(Ipv4.format(address)) + ":" + port;
  }
}
