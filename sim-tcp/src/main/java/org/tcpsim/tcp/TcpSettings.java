package org.tcpsim.tcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.tcpsim.core.Time;
import org.tcpsim.tcp.cc.CongestionControls;
import org.tcpsim.tcp.isn.IsnGenerators;

/**
 * The one table of TCP settings: kebab-case name, kind of value, the RFC it comes from, and how to
 * read and write it. Scenario files, {@code --set} and the README table all go through here, so a
 * setting added here is usable everywhere.
 */
public final class TcpSettings {

  /**
   * One setting. {@code kind} is what a value looks like (integer, size, duration, boolean, ...);
   * {@code expected} says so in words for error messages ("an integer from 1 to 1000000").
   */
  public record Setting(
      String key,
      String kind,
      String expected,
      String rfc,
      String meaning,
      BiConsumer<Mutable, String> setter,
      Function<TcpConfig, String> getter) {}

  private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

  static {
    size("mss", 1, 65495, "RFC 9293 3.7.1 MUST-15", "MSS this host announces and sends with (bytes)",
        (m, v) -> m.mss = v, c -> c.mss());
    size("window", 0, 65535, "RFC 9293 3.8.6", "receive buffer, the largest window announced (bytes, <= 65535)",
        (m, v) -> m.window = v, c -> c.window());
    duration("msl", "RFC 9293 3.4.1, MUST-13", "maximum segment lifetime; TIME-WAIT lasts 2*MSL",
        (m, v) -> m.msl = v, c -> c.msl());
    add("isn", "clock|rfc6528|N[,N...]",
        "clock, rfc6528, or fixed numbers from 0 to 4294967295 (\"300,400\": one per connection)",
        "RFC 9293 3.4.1; RFC 6528",
        "initial sequence number generator: the 4 us clock, clock + keyed hash, or fixed numbers taken in turn (the last repeats)",
        (m, v) -> {
          IsnGenerators.parse(v, 0, 0); // validates
          m.isn = v;
        },
        TcpConfig::isn);
    add("iss", "N|none", "a number from 0 to 4294967295, or none", "RFC 9293 3.4.1", "fixed ISS for every connection (teaching); overrides isn",
        (m, v) -> m.iss = v.equals("none") ? null : (int) parseLong("iss", v, 0, 0xFFFF_FFFFL),
        c -> c.iss() == null ? "none" : Long.toString(SeqNum.toLong(c.iss())));
    integer("backlog", 1, 1000000, "RFC 4987 2", "bound on the SYN queue and on the accept queue of a listener",
        (m, v) -> m.backlog = v, c -> c.backlog());
    bool("syn-cookies", "RFC 4987 3.6", "answer SYNs statelessly with a cookie while the SYN queue is full",
        (m, v) -> m.synCookies = v, TcpConfig::synCookies);
    duration("rto-initial", "RFC 6298 2.1", "RTO before the first RTT sample",
        (m, v) -> m.rtoInitial = v, TcpConfig::rtoInitial);
    duration("rto-min", "RFC 6298 2.4", "lower bound on the RTO", (m, v) -> m.rtoMin = v, TcpConfig::rtoMin);
    duration("rto-max", "RFC 6298 2.5", "upper bound on the RTO (and on backed-off timers)",
        (m, v) -> m.rtoMax = v, TcpConfig::rtoMax);
    duration("clock-granularity", "RFC 6298 2 (G)", "timer granularity G in RTO = SRTT + max(G, 4*RTTVAR)",
        (m, v) -> m.clockGranularity = v, TcpConfig::clockGranularity);
    integer("syn-retries", 0, 255, "RFC 1122 4.2.3.5; RFC 9293 MUST-23",
        "SYN retransmissions before an active OPEN fails (r2-syn may end it first)",
        (m, v) -> m.synRetries = v, TcpConfig::synRetries);
    integer("synack-retries", 0, 255, "RFC 4987 2", "SYN,ACK retransmissions before a half-open connection is dropped",
        (m, v) -> m.synackRetries = v, TcpConfig::synackRetries);
    integer("retries", 0, 255, "RFC 1122 4.2.3.5", "retransmissions of data or FIN before the connection fails (r2 may end it first)",
        (m, v) -> m.retries = v, TcpConfig::retries);
    integer("r1", 0, 255, "RFC 1122 4.2.3.5; RFC 9293 MUST-20", "retransmissions after which the trace notes R1 (advice to IP)",
        (m, v) -> m.r1 = v, TcpConfig::r1);
    duration("r2", "RFC 1122 4.2.3.5; RFC 9293 MUST-20", "time retransmitting data before the connection fails (>= 100 s)",
        (m, v) -> m.r2 = v, TcpConfig::r2);
    duration("r2-syn", "RFC 1122 4.2.3.5; RFC 9293 MUST-23", "time retransmitting a SYN before OPEN fails (>= 3 min)",
        (m, v) -> m.r2Syn = v, TcpConfig::r2Syn);
    bool("delayed-ack", "RFC 1122 4.2.3.2; RFC 9293 SHLD-18", "delay ACKs (an ACK for at least every second full segment)",
        (m, v) -> m.delayedAck = v, TcpConfig::delayedAck);
    duration("delayed-ack-timeout", "RFC 9293 MUST-40", "longest delay of an ACK (< 500ms)",
        (m, v) -> m.delayedAckTimeout = v, TcpConfig::delayedAckTimeout);
    bool("nagle", "RFC 896; RFC 9293 3.7.4 SHLD-7", "Nagle's algorithm: hold small segments while data is unacknowledged",
        (m, v) -> m.nagle = v, TcpConfig::nagle);
    add("congestion", String.join("|", CongestionControls.NAMES),
        "one of " + String.join(", ", CongestionControls.NAMES), "RFC 5681; RFC 6582; RFC 9293 MUST-19",
        "congestion control algorithm",
        (m, v) -> {
          CongestionControls.create(v); // validates
          m.congestion = v;
        },
        TcpConfig::congestion);
    bool("keepalive", "RFC 1122 4.2.3.6; RFC 9293 MUST-24", "send keep-alive probes on an idle connection",
        (m, v) -> m.keepalive = v, TcpConfig::keepalive);
    duration("keepalive-idle", "RFC 9293 MUST-26", "idle time before the first keep-alive (>= 2h by default)",
        (m, v) -> m.keepaliveIdle = v, TcpConfig::keepaliveIdle);
    duration("keepalive-interval", "RFC 1122 4.2.3.6", "time between unanswered keep-alives",
        (m, v) -> m.keepaliveInterval = v, TcpConfig::keepaliveInterval);
    integer("keepalive-probes", 1, 255, "RFC 1122 4.2.3.6", "unanswered keep-alives before the connection fails",
        (m, v) -> m.keepaliveProbes = v, TcpConfig::keepaliveProbes);
    bool("rfc5961-rst", "RFC 5961 3.2", "a RST must hit RCV.NXT exactly; in-window RSTs get a challenge ACK",
        (m, v) -> m.rfc5961Rst = v, TcpConfig::rfc5961Rst);
    bool("rfc5961-syn", "RFC 5961 4.2", "a SYN in a synchronized state gets a challenge ACK instead of a reset",
        (m, v) -> m.rfc5961Syn = v, TcpConfig::rfc5961Syn);
    bool("rfc5961-ack", "RFC 5961 5.2; RFC 9293 MAY-12", "drop (and ACK) segments whose ACK is older than SND.UNA - MAX.SND.WND",
        (m, v) -> m.rfc5961Ack = v, TcpConfig::rfc5961Ack);
    integer("challenge-ack-limit", 1, 1000000, "RFC 5961 7", "challenge ACKs a host sends per second, at most",
        (m, v) -> m.challengeAckLimit = v, TcpConfig::challengeAckLimit);
    bool("rfc1337", "RFC 1337 (F1)", "ignore a RST in TIME-WAIT (TIME-WAIT assassination protection)",
        (m, v) -> m.rfc1337 = v, TcpConfig::rfc1337);
    bool("time-wait-reuse", "RFC 9293 3.10.7.4 MAY-2; RFC 1122 4.2.2.13",
        "a new SYN (SEG.SEQ > RCV.NXT) may reopen a connection in TIME-WAIT",
        (m, v) -> m.timeWaitReuse = v, TcpConfig::timeWaitReuse);
  }

  private TcpSettings() {}

  /** Every setting, in the order the README lists them. */
  public static List<Setting> all() {
    return List.copyOf(SETTINGS.values());
  }

  /** The setting called {@code key}, or null. */
  public static Setting find(String key) {
    return SETTINGS.get(key);
  }

  /** The names of all settings. */
  public static List<String> names() {
    return new ArrayList<>(SETTINGS.keySet());
  }

  /**
   * {@code config} with {@code key} set to {@code value} (as written in a scenario file).
   *
   * @throws IllegalArgumentException naming the setting and what was expected
   */
  public static TcpConfig apply(TcpConfig config, String key, String value) {
    Setting s = SETTINGS.get(key);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown TCP setting '" + key + "'; expected one of " + String.join(", ", SETTINGS.keySet()));
    }
    Mutable m = new Mutable(config);
    try {
      s.setter().accept(m, value.strip());
    } catch (IllegalArgumentException e) {
      String msg = e.getMessage();
      throw new IllegalArgumentException(
          key + ": " + msg + (msg.contains("expected") ? "" : ", expected " + s.expected()), e);
    }
    return m.build();
  }

  /**
   * Checks one value on its own, without the other settings it must agree with.
   *
   * @throws IllegalArgumentException whose message says what is wrong with the value ("0 is too
   *     small"); {@link Setting#expected()} says what was expected
   */
  public static void check(String key, String value) {
    Setting s = SETTINGS.get(key);
    if (s == null) {
      throw new IllegalArgumentException("unknown TCP setting '" + key + "'");
    }
    s.setter().accept(new Mutable(TcpConfig.defaults()), value.strip());
  }

  /** The value of {@code key} in {@code config}, written as a scenario file would. */
  public static String get(TcpConfig config, String key) {
    Setting s = SETTINGS.get(key);
    if (s == null) {
      throw new IllegalArgumentException("unknown TCP setting '" + key + "'");
    }
    return s.getter().apply(config);
  }

  private static void add(String key, String kind, String expected, String rfc, String meaning,
      BiConsumer<Mutable, String> setter, Function<TcpConfig, String> getter) {
    SETTINGS.put(key, new Setting(key, kind, expected, rfc, meaning, setter, getter));
  }

  private interface IntSetter {
    void set(Mutable m, int v);
  }

  private interface LongSetter {
    void set(Mutable m, long v);
  }

  private interface BoolSetter {
    void set(Mutable m, boolean v);
  }

  private static void integer(String key, long min, long max, String rfc, String meaning,
      IntSetter set, Function<TcpConfig, Integer> get) {
    add(key, "integer", "an integer from " + min + " to " + max, rfc, meaning,
        (m, v) -> set.set(m, (int) parseLong(key, v, min, max)),
        c -> Integer.toString(get.apply(c)));
  }

  /** A number of bytes; scenario files may write units ({@code 64KB}), converted before here. */
  private static void size(String key, long min, long max, String rfc, String meaning,
      IntSetter set, Function<TcpConfig, Integer> get) {
    add(key, "size", "a size from " + min + " to " + max + " bytes", rfc, meaning,
        (m, v) -> set.set(m, (int) parseLong(key, v, min, max)),
        c -> Integer.toString(get.apply(c)));
  }

  private static void duration(String key, String rfc, String meaning, LongSetter set,
      Function<TcpConfig, Long> get) {
    add(key, "duration", "a duration such as 200ms", rfc, meaning,
        (m, v) -> set.set(m, Time.parse(v)), c -> Time.format(get.apply(c)));
  }

  private static void bool(String key, String rfc, String meaning, BoolSetter set,
      Function<TcpConfig, Boolean> get) {
    add(key, "boolean", "true or false", rfc, meaning,
        (m, v) -> {
          String t = v.toLowerCase(Locale.ROOT);
          if (!t.equals("true") && !t.equals("false")) {
            throw new IllegalArgumentException("'" + v + "' is not a boolean");
          }
          set.set(m, t.equals("true"));
        },
        c -> Boolean.toString(get.apply(c)));
  }

  private static long parseLong(String key, String v, long min, long max) {
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + v + "' is not an integer");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(n + " is too " + (n < min ? "small" : "large"));
    }
    return n;
  }

  /** A TcpConfig under construction: one field per setting. */
  public static final class Mutable {
    int mss;
    int window;
    long msl;
    String isn;
    Integer iss;
    int backlog;
    boolean synCookies;
    long rtoInitial;
    long rtoMin;
    long rtoMax;
    long clockGranularity;
    int synRetries;
    int synackRetries;
    int retries;
    int r1;
    long r2;
    long r2Syn;
    boolean delayedAck;
    long delayedAckTimeout;
    boolean nagle;
    String congestion;
    boolean keepalive;
    long keepaliveIdle;
    long keepaliveInterval;
    int keepaliveProbes;
    boolean rfc5961Rst;
    boolean rfc5961Syn;
    boolean rfc5961Ack;
    int challengeAckLimit;
    boolean rfc1337;
    boolean timeWaitReuse;

    Mutable() {}

    Mutable(TcpConfig c) {
      mss = c.mss();
      window = c.window();
      msl = c.msl();
      isn = c.isn();
      iss = c.iss();
      backlog = c.backlog();
      synCookies = c.synCookies();
      rtoInitial = c.rtoInitial();
      rtoMin = c.rtoMin();
      rtoMax = c.rtoMax();
      clockGranularity = c.clockGranularity();
      synRetries = c.synRetries();
      synackRetries = c.synackRetries();
      retries = c.retries();
      r1 = c.r1();
      r2 = c.r2();
      r2Syn = c.r2Syn();
      delayedAck = c.delayedAck();
      delayedAckTimeout = c.delayedAckTimeout();
      nagle = c.nagle();
      congestion = c.congestion();
      keepalive = c.keepalive();
      keepaliveIdle = c.keepaliveIdle();
      keepaliveInterval = c.keepaliveInterval();
      keepaliveProbes = c.keepaliveProbes();
      rfc5961Rst = c.rfc5961Rst();
      rfc5961Syn = c.rfc5961Syn();
      rfc5961Ack = c.rfc5961Ack();
      challengeAckLimit = c.challengeAckLimit();
      rfc1337 = c.rfc1337();
      timeWaitReuse = c.timeWaitReuse();
    }

    TcpConfig build() {
      return new TcpConfig(mss, window, msl, isn, iss, backlog, synCookies, rtoInitial, rtoMin,
          rtoMax, clockGranularity, synRetries, synackRetries, retries, r1, r2, r2Syn, delayedAck,
          delayedAckTimeout, nagle, congestion, keepalive, keepaliveIdle, keepaliveInterval,
          keepaliveProbes, rfc5961Rst, rfc5961Syn, rfc5961Ack, challengeAckLimit, rfc1337,
          timeWaitReuse);
    }
  }
}
