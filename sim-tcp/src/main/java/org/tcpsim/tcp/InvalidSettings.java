package org.tcpsim.tcp;

import java.util.List;

/**
 * TCP settings that do not make a configuration: one value out of its range, or values that
 * disagree (rto-max below rto-min). It names the settings involved so that a scenario file can
 * point at the one it wrote last (README, Scenario files, {@code tcp}: "rto-max below rto-min is
 * an error at rto-max").
 */
public final class InvalidSettings extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> settings;

  /**
   * @param message what is wrong, in the settings' own names ("rto-max (1s) is below rto-min
   *     (2s)")
   * @param settings the kebab-case names of every setting involved, none of them alone at fault
   */
  public InvalidSettings(String message, String... settings) {
    super(message);
    this.settings = List.of(settings);
  }

  InvalidSettings(String message, Throwable cause, String setting) {
    super(message, cause);
    this.settings = List.of(setting);
  }

  /** The settings that together (or alone, when there is one) make the problem. */
  public List<String> settings() {
    return settings;
  }
}
