package org.tcpsim.scenario.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The TCP profiles of design section 2 (contract: the names). */
public enum Profile {
  /** The 1981 text, for history. */
  RFC793("rfc793"),
  /** The current standard with the RFC 1122 corrections. */
  RFC9293("rfc9293"),
  /** rfc9293 plus challenge ACKs and RFC 1337's TIME-WAIT protection: the default. */
  RFC5961("rfc5961"),
  /** Linux-like defaults. */
  LINUX("linux");

  public static final Profile DEFAULT = RFC5961;

  private final String key;

  Profile(String key) {
    this.key = key;
  }

  /** The name in scenario files. */
  public String key() {
    return key;
  }

  public static Optional<Profile> byKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Profile::key).toList();
  }

  @Override
  public String toString() {
    return key;
  }
}
