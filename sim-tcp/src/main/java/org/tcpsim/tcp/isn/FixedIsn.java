package org.tcpsim.tcp.isn;

/**
 * Always the same ISS, whatever the time and the connection. For teaching and for traces that
 * are easy to read by hand ({@code iss: 300} gives the numbers of the RFC 9293 examples); a real
 * TCP must not do this (RFC 9293 MUST-8).
 *
 * @param iss the ISS, an unsigned 32-bit value held in an {@code int}
 */
public record FixedIsn(int iss) implements IsnGenerator {

  @Override
  public int isn(long now, int localAddr, int localPort, int remoteAddr, int remotePort) {
    return iss;
  }
}
