package org.tcpsim.tcp.app;

import org.apache.commons.rng.UniformRandomProvider;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.net.Prefix;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpOptions;
import org.tcpsim.tcp.TcpStack;

/**
 * A SYN flood (RFC 4987 2): SYNs at a constant rate from {@code start} to {@code stop}, each from a
 * source address drawn from {@code spoof} (or the attacker's own address when null), a random port
 * and a random sequence number. The SYNs leave from the attacker's host and are traced as
 * injected; the attacker keeps no state and answers nothing.
 */
public final class SynFlooder {
  private final TcpStack attacker;
  private final Endpoint target;
  private final long interval;
  private final long stop;
  private final Prefix spoof;
  private final UniformRandomProvider random;
  private long sent;

  /**
   * @param ratePerSecond SYNs per second (> 0)
   * @param random the flooder's own random stream ({@code app/<name>})
   */
  public SynFlooder(TcpStack attacker, Endpoint target, double ratePerSecond, long start, long stop,
      Prefix spoof, UniformRandomProvider random) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("flood rate must be positive");
    }
    this.attacker = attacker;
    this.target = target;
    this.interval = Math.max(1, Math.round(1e9 / ratePerSecond));
    this.stop = stop;
    this.spoof = spoof;
    this.random = random;
    Simulator sim = attacker.simulator();
    sim.scheduleAt(start, this::fire);
  }

  public long sent() {
    return sent;
  }

  private void fire() {
    Simulator sim = attacker.simulator();
    if (sim.now() >= stop) {
      return;
    }
    int src = spoof == null ? attacker.address() : spoof.base() + randomHost();
    int port = 1024 + random.nextInt(65536 - 1024);
    Segment syn = Segment.builder()
        .ports(port, target.port())
        .seq(random.nextInt())
        .flags(TcpFlags.SYN)
        .window(65535)
        .options(TcpOptions.NONE.withMss(1460))
        .build();
    attacker.inject(new Endpoint(src, port), target, syn, "SYN flood (RFC 4987 2)");
    sent++;
    sim.schedule(interval, this::fire);
  }

  private int randomHost() {
    int hostBits = 32 - spoof.length();
    if (hostBits == 0) {
      return 0;
    }
    long size = 1L << hostBits;
    return (int) (random.nextLong(size));
  }
}
