package org.tcpsim.tcp;

import org.tcpsim.core.net.Ipv4;

/** One end of a connection: an IPv4 address and a port. Prints as {@code 10.0.0.1:1024}. */
public record Endpoint(int address, int port) {
  public Endpoint {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
  }

  @Override
  public String toString() {
    return Ipv4.format(address) + ":" + port;
  }
}
