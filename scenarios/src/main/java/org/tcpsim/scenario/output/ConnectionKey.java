package org.tcpsim.scenario.output;

import java.util.Objects;
import org.tcpsim.tcp.Endpoint;

/**
 * A connection as the ladder knows it: the unordered pair of its endpoints, so that both ends'
 * TCBs and the segments in either direction (injected ones too) fall under one key.
 */
record ConnectionKey(Endpoint lo, Endpoint hi) {
  static ConnectionKey of(Endpoint x, Endpoint y) {
    return compare(x, y) <= 0 ? new ConnectionKey(x, y) : new ConnectionKey(y, x);
  }

  Endpoint other(Endpoint e) {
    return e.equals(lo) ? hi : lo;
  }

  // equals and hashCode are written out, as in tcp.Endpoint, for start-up time.

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectionKey k && Objects.equals(k.lo, lo) && Objects.equals(k.hi, hi);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(lo) + Objects.hashCode(hi);
  }

  private static int compare(Endpoint x, Endpoint y) {
    int c = Integer.compareUnsigned(x.address(), y.address());
    return c != 0 ? c : Integer.compare(x.port(), y.port());
  }
}
