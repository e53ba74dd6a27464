package org.tcpsim.tcp.cc;

import java.util.List;

/** The congestion control algorithms by name, as scenario files and the command line give them. */
public final class CongestionControls {
  /** Every name {@link #create(String)} accepts. */
  public static final List<String> NAMES = List.of("none", "reno", "newreno");

  private CongestionControls() {}

  /**
   * A fresh instance (one per connection) of the algorithm called {@code name}.
   *
   * @throws IllegalArgumentException for a name not in {@link #NAMES}
   */
  public static CongestionControl create(String name) {
    if (name == null) {
      throw unknown(null);
    }
    return switch (name) {
      case "none" -> new NoCongestionControl();
      case "reno" -> new Reno();
      case "newreno" -> new NewReno();
      default -> throw unknown(name);
    };
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException(
        "unknown congestion control '" + name + "': expected one of " + String.join(", ", NAMES));
  }
}
