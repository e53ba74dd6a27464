package org.tcpsim.scenario.model;

/**
 * When an application closes its side of a connection: {@code on-peer-close}, {@code never},
 * {@code after-send}, or a duration after the connection was established.
 *
 * @param after nanoseconds after ESTABLISHED, for {@link When#AFTER} only
 */
public record Close(When when, long after) {
  public enum When {
    ON_PEER_CLOSE("on-peer-close"),
    NEVER("never"),
    AFTER_SEND("after-send"),
    AFTER("DURATION");

    private final String key;

    When(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public static final Close ON_PEER_CLOSE = new Close(When.ON_PEER_CLOSE, 0);
  public static final Close NEVER = new Close(When.NEVER, 0);
  public static final Close AFTER_SEND = new Close(When.AFTER_SEND, 0);

  public static Close after(long ns) {
    return new Close(When.AFTER, ns);
  }
}
