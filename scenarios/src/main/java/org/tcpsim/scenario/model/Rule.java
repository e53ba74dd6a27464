package org.tcpsim.scenario.model;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Acts on the n-th packet in the network that matches: {@code { match: { from: A, to: B, flags:
 * [SYN], nth: 1 }, delay: 3s }}. Each rule counts every packet that matches its own {@code
 * match}, whatever other rules did to it.
 *
 * @param delay extra delay, ns (DELAY only)
 */
public record Rule(Match match, Verdict verdict, long delay, Loc loc) {
  public enum Verdict {
    DROP("drop"),
    DELAY("delay"),
    DUPLICATE("duplicate"),
    CORRUPT("corrupt");

    private final String key;

    Verdict(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /**
   * @param flags exactly this set of flags
   * @param has at least these flags (0: no requirement)
   * @param nth act on the n-th matching packet only (1-based); empty: on every one
   * @param after only packets sent at or after this time, ns
   * @param before only packets sent before this time, ns
   */
  public record Match(
      Optional<AddressMatch> from,
      Optional<AddressMatch> to,
      OptionalInt flags,
      int has,
      OptionalInt nth,
      OptionalLong after,
      OptionalLong before,
      Loc loc) {}
}
