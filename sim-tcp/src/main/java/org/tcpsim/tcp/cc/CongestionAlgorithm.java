package org.tcpsim.tcp.cc;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The congestion control algorithms a host may use, chosen once when its configuration is built
 * ({@code congestion:} in a scenario, {@code --set congestion=...}); each connection gets a fresh
 * {@link CongestionControl} of it from {@link #create()}, because cwnd and ssthresh belong to one
 * connection (RFC 5681 3.1).
 */
public enum CongestionAlgorithm {
  /** The RFC 793 sender: only the receiver's window limits it. */
  NONE("none", NoCongestionControl::new),
  /** RFC 5681: slow start, congestion avoidance, fast retransmit and fast recovery. */
  RENO("reno", Reno::new),
  /** RFC 6582: Reno whose fast recovery survives partial ACKs. */
  NEWRENO("newreno", NewReno::new);

  private final String algorithmName;
  private final Supplier<CongestionControl> factory;

  CongestionAlgorithm(String algorithmName, Supplier<CongestionControl> factory) {
    this.algorithmName = algorithmName;
    this.factory = factory;
  }

  /** A fresh instance for one connection. */
  public CongestionControl create() {
    return factory.get();
  }

  /** The name as users write it: {@code none}, {@code reno} or {@code newreno}. */
  @Override
  public String toString() {
    return algorithmName;
  }

  /** Every name {@link #parse} accepts, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(CongestionAlgorithm::toString).toList();
  }

  /**
   * The algorithm called {@code name} (case-sensitive).
   *
   * @throws IllegalArgumentException for any other name, listing the valid ones
   */
  public static CongestionAlgorithm parse(String name) {
    for (CongestionAlgorithm a : values()) {
      if (a.algorithmName.equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown congestion control '" + name
        + "': expected one of " + String.join(", ", names()));
  }
}
