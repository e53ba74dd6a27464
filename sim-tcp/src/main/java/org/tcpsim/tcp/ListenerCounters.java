package org.tcpsim.tcp;

import java.util.Map;

/** What one listener counted, or the sum over several; the names are the summary's. */
public final class ListenerCounters {
  long synReceived;
  long synDropped;
  long synCookiesSent;
  long synCookiesAccepted;
  long synCookiesRejected;
  long accepted;
  long acceptOverflow;
  long synackTimeouts;

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

  /** Puts each count into {@code m} under its summary name ({@code listen.syn-received}, ...). */
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
