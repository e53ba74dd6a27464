package org.tcpsim.scenario.model;

import java.util.Optional;

/**
 * A connection as {@code local>remote}, written {@code "A:1024>B:80"}. In {@code expect},
 * {@code "B:80>*"} names B's listening socket: then {@code remote} is empty.
 */
public record ConnId(EndpointRef local, Optional<EndpointRef> remote) {
  public boolean isListener() {
    return remote.isEmpty();
  }

  /** As the JSON trace writes it: {@code 10.0.0.1:1024>10.0.0.2:80} or {@code 10.0.0.2:80>*}. */
  @Override
  public String toString() {
    return local + ">" + remote.map(EndpointRef::toString).orElse("*");
  }
}
