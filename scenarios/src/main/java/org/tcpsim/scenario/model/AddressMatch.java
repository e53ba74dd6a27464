package org.tcpsim.scenario.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One side of a rule's {@code match}: a host name or address, optionally with a port ({@code A},
 * {@code 10.0.0.9}, {@code A:1024}).
 */
public record AddressMatch(Optional<String> host, int address, OptionalInt port) {
  public boolean matches(int addr, int p) {
    return addr == address && (port.isEmpty() || port.getAsInt() == p);
  }
}
