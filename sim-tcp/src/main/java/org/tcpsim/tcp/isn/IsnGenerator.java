package org.tcpsim.tcp.isn;

/**
 * Chooses the initial send sequence number (ISS) of a new connection (RFC 9293 section 3.4.1,
 * "Initial Sequence Number Selection").
 *
 * <p>Implementations never read a clock: the current simulated time is passed in, so a run is
 * reproducible from its seed. Addresses are IPv4 addresses as {@code int} (network order, the
 * same bits as on the wire) and ports are 0..65535. The result is a sequence number: a Java
 * {@code int} holding an unsigned 32-bit value, compared with {@link org.tcpsim.tcp.SeqNum}.
 *
 * <p>{@link IsnSpec#generator} builds one from a scenario's {@code isn:} setting.
 */
public interface IsnGenerator {

  /**
   * The ISS for a connection from ({@code localAddr}, {@code localPort}) to ({@code remoteAddr},
   * {@code remotePort}) opened at simulated time {@code now} (nanoseconds, not negative).
   */
  int isn(long now, int localAddr, int localPort, int remoteAddr, int remotePort);
}
