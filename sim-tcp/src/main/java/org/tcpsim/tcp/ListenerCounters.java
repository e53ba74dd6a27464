package org.tcpsim.tcp;

import java.util.Map;

/**
 * What listeners counted (RFC 4987's SYN queue, SYN cookies and accept queue), by name, so that a
 * host can sum them over its listeners past and present.
 */
final class ListenerCounters {
  long synReceived;
  long synDropped;
  long synCookiesSent;
  long synCookiesAccepted;
  long synCookiesRejected;
  long accepted;
  long acceptOverflow;
  long synackTimeouts;

  /** The counts of one listener so far. */
  static ListenerCounters of(Listener l) {
    ListenerCounters c = new ListenerCounters();
    c.synReceived = l.synReceived;
    c.synDropped = l.synDropped;
    c.synCookiesSent = l.synCookiesSent;
    c.synCookiesAccepted = l.synCookiesAccepted;
    c.synCookiesRejected = l.synCookiesRejected;
    c.accepted = l.accepted;
    c.acceptOverflow = l.acceptOverflow;
    c.synackTimeouts = l.synackTimeouts;
    return c;
  }

  /** Adds {@code other}'s counts to these. */
  void add(ListenerCounters other) {
    synReceived += other.synReceived;
    synDropped += other.synDropped;
    synCookiesSent += other.synCookiesSent;
    synCookiesAccepted += other.synCookiesAccepted;
    synCookiesRejected += other.synCookiesRejected;
    accepted += other.accepted;
    acceptOverflow += other.acceptOverflow;
    synackTimeouts += other.synackTimeouts;
  }

  /** Puts the counts into {@code m} under their {@code listen.*} names, in this order. */
  void putInto(Map<String, Long> m) {
    m.put("listen.syn-received", synReceived);
    m.put("listen.syn-dropped", synDropped);
    m.put("listen.syn-cookies-sent", synCookiesSent);
    m.put("listen.syn-cookies-accepted", synCookiesAccepted);
    m.put("listen.syn-cookies-rejected", synCookiesRejected);
    m.put("listen.accepted", accepted);
    m.put("listen.accept-overflow", acceptOverflow);
    m.put("listen.synack-timeout", synackTimeouts);
  }
}
