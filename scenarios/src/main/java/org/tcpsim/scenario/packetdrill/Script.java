package org.tcpsim.scenario.packetdrill;

import java.util.List;
import java.util.Optional;

/**
 * A parsed packetdrill script: the command-line flags it carries in its first lines
 * ({@code --tolerance_usecs=10000}, {@code --strict_segments}) and its events in file order.
 *
 * @param file the name used in error messages and reports
 */
public record Script(String file, List<Flag> flags, List<Event> events) {
  public Script {
    flags = List.copyOf(flags);
    events = List.copyOf(events);
  }

  /** The value of {@code --name=value}, if the script sets that flag. */
  public Optional<String> flag(String name) {
    return flags.stream().filter(f -> f.name().equals(name)).findFirst().flatMap(Flag::value);
  }

  /**
   * One {@code --name} or {@code --name=value} line; packetdrill reads these as if they had been
   * given on its command line. The value is kept as written ({@code 192.168.0.1}, {@code fd::1}).
   */
  public record Flag(String name, Optional<String> value, int line) {}
}
