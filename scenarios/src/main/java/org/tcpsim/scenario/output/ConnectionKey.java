package org.tcpsim.scenario.output;

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

  private static int compare(Endpoint x, Endpoint y) {
    int c = Integer.compareUnsigned(x.address(), y.address());
    return c != 0 ? c : Integer.compare(x.port(), y.port());
  }
}
