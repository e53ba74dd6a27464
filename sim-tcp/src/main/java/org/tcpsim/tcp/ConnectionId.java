package org.tcpsim.tcp;

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

  @Override
  public String toString() {
    return local + ">" + (remote == null ? "*" : remote.toString());
  }
}
