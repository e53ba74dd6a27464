package org.tcpsim.tcp;

import org.tcpsim.core.net.Ipv4;

/** One end of a connection: an IPv4 address and a port. Prints as {@code 10.0.0.1:1024}. */
public record Endpoint(int address, int port) {
  public Endpoint {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
  }

  // equals and hashCode are written out, with the values the generated ones give, because the
  // generated ones are bootstrapped through method handles on first use: about 5 ms of every
  // run's start-up per record type (ObjectMethods, spun at run time and not class-data shared).

  @Override
  public boolean equals(Object o) {
    return o instanceof Endpoint e && e.address == address && e.port == port;
  }

  @Override
  public int hashCode() {
    return 31 * address + port;
  }

  @Override
  public String toString() {
    return Ipv4.format(address) + ":" + port;
  }
}
