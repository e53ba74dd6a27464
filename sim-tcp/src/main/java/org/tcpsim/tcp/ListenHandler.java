package org.tcpsim.tcp;

/** What a listening application does with each connection it accepts. */
@FunctionalInterface
public interface ListenHandler {
  /** A connection was accepted; returns the handler for its signals and data. */
  SocketHandler accepted(Connection connection);
}
