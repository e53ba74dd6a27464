package org.tcpsim.tcp.app;

import org.tcpsim.core.Time;

/**
 * When an application calls CLOSE: after its data is sent ({@code after-send}), when the peer
 * closes ({@code on-peer-close}), never ({@code never}), or a fixed time after connecting.
 */
public record ClosePolicy(Kind kind, long delay) {
  public enum Kind {
    AFTER_SEND,
    ON_PEER_CLOSE,
    NEVER,
    AFTER_DELAY
  }

  public static final ClosePolicy AFTER_SEND = new ClosePolicy(Kind.AFTER_SEND, 0);
  public static final ClosePolicy ON_PEER_CLOSE = new ClosePolicy(Kind.ON_PEER_CLOSE, 0);
  public static final ClosePolicy NEVER = new ClosePolicy(Kind.NEVER, 0);

  public static ClosePolicy after(long delay) {
    if (delay < 0) {
      throw new IllegalArgumentException("close delay must be >= 0");
    }
    return new ClosePolicy(Kind.AFTER_DELAY, delay);
  }

  /** Parses {@code after-send}, {@code on-peer-close}, {@code never} or a duration ({@code 2s}). */
  public static ClosePolicy parse(String text) {
    return switch (text.strip()) {
      case "after-send" -> AFTER_SEND;
      case "on-peer-close" -> ON_PEER_CLOSE;
      case "never" -> NEVER;
      default -> {
        try {
          yield after(Time.parse(text));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "expected after-send, on-peer-close, never or a duration, got '" + text + "'");
        }
      }
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case AFTER_SEND -> "after-send";
      case ON_PEER_CLOSE -> "on-peer-close";
      case NEVER -> "never";
      case AFTER_DELAY -> Time.format(delay);
    };
  }
}
