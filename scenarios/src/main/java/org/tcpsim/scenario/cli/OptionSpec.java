package org.tcpsim.scenario.cli;

import java.util.List;

/**
 * One option of a command: its names (short first, e.g. {@code -q, --quiet}), the label of its
 * value ({@code null} for a flag, which takes none), whether it may be given more than once, and
 * the sentence {@code --help} shows.
 */
record OptionSpec(List<String> names, String label, boolean repeatable, String description) {
  static OptionSpec flag(String name, String description) {
    return new OptionSpec(List.of(name), null, false, description);
  }

  static OptionSpec flag(String shortName, String name, String description) {
    return new OptionSpec(List.of(shortName, name), null, false, description);
  }

  static OptionSpec value(String name, String label, String description) {
    return new OptionSpec(List.of(name), label, false, description);
  }

  static OptionSpec repeatable(String name, String label, String description) {
    return new OptionSpec(List.of(name), label, true, description);
  }

  boolean takesValue() {
    return label != null;
  }

  /** The name {@link Args} files values under: the last, long one. */
  String key() {
    return names.get(names.size() - 1);
  }

  /** As an error message names it: {@code '--seed'} or, with its value, {@code '--seed' (N)}. */
  String quoted() {
    return "'" + key() + "'" + (takesValue() ? " (" + label + ")" : "");
  }
}
