package org.tcpsim.scenario.model;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A user call or host fault at a given time: {@code { at: 2s, host: A, call: close, conn:
 * "A:1024>B:80" }}.
 *
 * @param conn the connection, local endpoint on {@code host} (open, send, close, abort only)
 * @param size bytes to send (send only)
 */
public record Action(
    long at, String host, Call call, Optional<ConnId> conn, OptionalLong size, Loc loc) {

  public enum Call {
    /** Active OPEN of {@code conn} (its local port and remote endpoint). */
    OPEN("open", true),
    /** SEND {@code size} bytes on {@code conn}. */
    SEND("send", true),
    /** CLOSE {@code conn}. */
    CLOSE("close", true),
    /** ABORT {@code conn} (sends RST). */
    ABORT("abort", true),
    /** The host loses all TCP state and is silent until restart. */
    CRASH("crash", false),
    /** The host comes back, with no connections. */
    RESTART("restart", false);

    private final String key;
    private final boolean needsConn;

    Call(String key, boolean needsConn) {
      this.key = key;
      this.needsConn = needsConn;
    }

    public String key() {
      return key;
    }

    public boolean needsConn() {
      return needsConn;
    }
  }
}
