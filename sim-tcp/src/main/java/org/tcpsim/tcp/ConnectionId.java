package org.tcpsim.tcp;

import java.util.Objects;

/**
 * A connection's name, {@code local>remote} as the trace writes it ({@code
 * 10.0.0.2:80>10.0.0.1:1024}); a listening socket has no remote end and prints as {@code
 * 10.0.0.2:80>*}.
 */
public record ConnectionId(Endpoint local, Endpoint remote) {
  public static ConnectionId listening(Endpoint local) {
    return new ConnectionId(local, null);
  }

  public boolean isListening() {
    return remote == null;
  }

  // Written out for start-up time, as in Endpoint; the values are the generated ones.

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectionId c && Objects.equals(c.local, local) && Objects.equals(c.remote, remote);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(local) + Objects.hashCode(remote);
  }

  @Override
  public String toString() {
    return local + ">" + (remote == null ? "*" : remote.toString());
  }
}
