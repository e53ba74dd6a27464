package org.tcpsim.tcp;

/**
 * What a TCP setting's value looks like. Readers of scenario files use it to convert units
 * ({@code 64KB}, {@code 200ms}, {@code yes}) before the setting parses the value itself.
 */
public enum SettingKind {
  /** A whole number within the setting's bounds. */
  INTEGER,
  /** A number of bytes within the setting's bounds. */
  SIZE,
  /** A time, such as {@code 200ms}; nanoseconds in {@link TcpConfig}. */
  DURATION,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** One of a fixed list of names ({@code congestion}). */
  CHOICE,
  /** An ISN generator: {@code clock}, {@code rfc6528} or fixed numbers ({@code isn}). */
  ISN,
  /** A fixed ISS from 0 to 2^32 - 1, or {@code none} ({@code iss}). */
  ISS;

  /** The kind in lower case, as the README's table and messages write it. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
