package org.tcpsim.tcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  public static final class Setting {
    private final String key;
    private final String kind;
    private final String expected;
    private final String rfc;
    private final String meaning;
    /** Bounds of a number (integer, size, iss); unused by other kinds. */
    private final long min;
    private final long max;

    private Setting(String key, String kind, String expected, String rfc, String meaning,
        long min, long max) {
      this.key = key;
      this.kind = kind;
      this.expected = expected;
      this.rfc = rfc;
      this.meaning = meaning;
      this.min = min;
      this.max = max;
    }

    public String key() {
      return key;
    }

    public String kind() {
      return kind;
    }

    public String expected() {
      return expected;
    }

    public String rfc() {
      return rfc;
    }

    public String meaning() {
      return meaning;
    }

    private int intValue(String v) {
      return (int) parseLong(v, min, max);
    }

    @Override
    public String toString() {
      return key;
    }
  }

  // The table holds no lambdas: linking one costs about 0.3 ms when a JVM starts, and the table
  // had seventy, a twentieth of a short run (README, Performance). The names map to fields in
  // assign() and read().
  private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

  static {
    size("mss", 1, 65495, "RFC 9293 3.7.1 MUST-15", "MSS this host announces and sends with (bytes)");
    size("window", 0, 65535, "RFC 9293 3.8.6", "receive buffer, the largest window announced (bytes, <= 65535)");
    duration("msl", "RFC 9293 3.4.1, MUST-13", "maximum segment lifetime; TIME-WAIT lasts 2*MSL");
    add("isn", "clock|rfc6528|N[,N...]",
        "clock, rfc6528, or fixed numbers from 0 to 4294967295 (\"300,400\": one per connection)",
        "RFC 9293 3.4.1; RFC 6528",
        "initial sequence number generator: the 4 us clock, clock + keyed hash, or fixed numbers taken in turn (the last repeats)",
        0, 0);
    add("iss", "N|none", "a number from 0 to 4294967295, or none", "RFC 9293 3.4.1",
        "fixed ISS for every connection (teaching); overrides isn", 0, 0xFFFF_FFFFL);
    integer("backlog", 1, 1000000, "RFC 4987 2", "bound on the SYN queue and on the accept queue of a listener");
    bool("syn-cookies", "RFC 4987 3.6", "answer SYNs statelessly with a cookie while the SYN queue is full");
    duration("rto-initial", "RFC 6298 2.1", "RTO before the first RTT sample");
    duration("rto-min", "RFC 6298 2.4", "lower bound on the RTO");
    duration("rto-max", "RFC 6298 2.5", "upper bound on the RTO (and on backed-off timers)");
    duration("clock-granularity", "RFC 6298 2 (G)", "timer granularity G in RTO = SRTT + max(G, 4*RTTVAR)");
    integer("syn-retries", 0, 255, "RFC 1122 4.2.3.5; RFC 9293 MUST-23",
        "SYN retransmissions before an active OPEN fails (r2-syn may end it first)");
    integer("synack-retries", 0, 255, "RFC 4987 2", "SYN,ACK retransmissions before a half-open connection is dropped");
    integer("retries", 0, 255, "RFC 1122 4.2.3.5", "retransmissions of data or FIN before the connection fails (r2 may end it first)");
    integer("r1", 0, 255, "RFC 1122 4.2.3.5; RFC 9293 MUST-20", "retransmissions after which the trace notes R1 (advice to IP)");
    duration("r2", "RFC 1122 4.2.3.5; RFC 9293 MUST-20", "time retransmitting data before the connection fails (>= 100 s)");
    duration("r2-syn", "RFC 1122 4.2.3.5; RFC 9293 MUST-23", "time retransmitting a SYN before OPEN fails (>= 3 min)");
    bool("delayed-ack", "RFC 1122 4.2.3.2; RFC 9293 SHLD-18", "delay ACKs (an ACK for at least every second full segment)");
    duration("delayed-ack-timeout", "RFC 9293 MUST-40", "longest delay of an ACK (< 500ms)");
    bool("nagle", "RFC 896; RFC 9293 3.7.4 SHLD-7", "Nagle's algorithm: hold small segments while data is unacknowledged");
    add("congestion", String.join("|", CongestionControls.NAMES),
        "one of " + String.join(", ", CongestionControls.NAMES), "RFC 5681; RFC 6582; RFC 9293 MUST-19",
        "congestion control algorithm", 0, 0);
    bool("keepalive", "RFC 1122 4.2.3.6; RFC 9293 MUST-24", "send keep-alive probes on an idle connection");
    duration("keepalive-idle", "RFC 9293 MUST-26", "idle time before the first keep-alive (>= 2h by default)");
    duration("keepalive-interval", "RFC 1122 4.2.3.6", "time between unanswered keep-alives");
    integer("keepalive-probes", 1, 255, "RFC 1122 4.2.3.6", "unanswered keep-alives before the connection fails");
    bool("rfc5961-rst", "RFC 5961 3.2", "a RST must hit RCV.NXT exactly; in-window RSTs get a challenge ACK");
    bool("rfc5961-syn", "RFC 5961 4.2", "a SYN in a synchronized state gets a challenge ACK instead of a reset");
    bool("rfc5961-ack", "RFC 5961 5.2; RFC 9293 MAY-12", "drop (and ACK) segments whose ACK is older than SND.UNA - MAX.SND.WND");
    integer("challenge-ack-limit", 1, 1000000, "RFC 5961 7", "challenge ACKs a host sends per second, at most");
    bool("rfc1337", "RFC 1337 (F1)", "ignore a RST in TIME-WAIT (TIME-WAIT assassination protection)");
    bool("time-wait-reuse", "RFC 9293 3.10.7.4 MAY-2; RFC 1122 4.2.2.13",
        "a new SYN (SEG.SEQ > RCV.NXT) may reopen a connection in TIME-WAIT");
  }

  /** Parses {@code v} for {@code s} into its field of {@code m}. */
  private static void assign(Mutable m, Setting s, String v) {
    switch (s.key) {
      case "mss" -> m.mss = s.intValue(v);
      case "window" -> m.window = s.intValue(v);
      case "msl" -> m.msl = Time.parse(v);
      case "isn" -> {
        IsnGenerators.parse(v, 0, 0); // validates
        m.isn = v;
      }
      case "iss" -> m.iss = v.equals("none") ? null : (int) parseLong(v, s.min, s.max);
      case "backlog" -> m.backlog = s.intValue(v);
      case "syn-cookies" -> m.synCookies = bool(v);
      case "rto-initial" -> m.rtoInitial = Time.parse(v);
      case "rto-min" -> m.rtoMin = Time.parse(v);
      case "rto-max" -> m.rtoMax = Time.parse(v);
      case "clock-granularity" -> m.clockGranularity = Time.parse(v);
      case "syn-retries" -> m.synRetries = s.intValue(v);
      case "synack-retries" -> m.synackRetries = s.intValue(v);
      case "retries" -> m.retries = s.intValue(v);
      case "r1" -> m.r1 = s.intValue(v);
      case "r2" -> m.r2 = Time.parse(v);
      case "r2-syn" -> m.r2Syn = Time.parse(v);
      case "delayed-ack" -> m.delayedAck = bool(v);
      case "delayed-ack-timeout" -> m.delayedAckTimeout = Time.parse(v);
      case "nagle" -> m.nagle = bool(v);
      case "congestion" -> {
        CongestionControls.create(v); // validates
        m.congestion = v;
      }
      case "keepalive" -> m.keepalive = bool(v);
      case "keepalive-idle" -> m.keepaliveIdle = Time.parse(v);
      case "keepalive-interval" -> m.keepaliveInterval = Time.parse(v);
      case "keepalive-probes" -> m.keepaliveProbes = s.intValue(v);
      case "rfc5961-rst" -> m.rfc5961Rst = bool(v);
      case "rfc5961-syn" -> m.rfc5961Syn = bool(v);
      case "rfc5961-ack" -> m.rfc5961Ack = bool(v);
      case "challenge-ack-limit" -> m.challengeAckLimit = s.intValue(v);
      case "rfc1337" -> m.rfc1337 = bool(v);
      case "time-wait-reuse" -> m.timeWaitReuse = bool(v);
      default -> throw new IllegalStateException("setting " + s.key + " has no field");
    }
  }

  /** The value of setting {@code key} in {@code c}: a number, boolean or string. */
  private static Object read(TcpConfig c, String key) {
    return switch (key) {
      case "mss" -> c.mss();
      case "window" -> c.window();
      case "msl" -> c.msl();
      case "isn" -> c.isn();
      case "iss" -> c.iss() == null ? "none" : SeqNum.toLong(c.iss());
      case "backlog" -> c.backlog();
      case "syn-cookies" -> c.synCookies();
      case "rto-initial" -> c.rtoInitial();
      case "rto-min" -> c.rtoMin();
      case "rto-max" -> c.rtoMax();
      case "clock-granularity" -> c.clockGranularity();
      case "syn-retries" -> c.synRetries();
      case "synack-retries" -> c.synackRetries();
      case "retries" -> c.retries();
      case "r1" -> c.r1();
      case "r2" -> c.r2();
      case "r2-syn" -> c.r2Syn();
      case "delayed-ack" -> c.delayedAck();
      case "delayed-ack-timeout" -> c.delayedAckTimeout();
      case "nagle" -> c.nagle();
      case "congestion" -> c.congestion();
      case "keepalive" -> c.keepalive();
      case "keepalive-idle" -> c.keepaliveIdle();
      case "keepalive-interval" -> c.keepaliveInterval();
      case "keepalive-probes" -> c.keepaliveProbes();
      case "rfc5961-rst" -> c.rfc5961Rst();
      case "rfc5961-syn" -> c.rfc5961Syn();
      case "rfc5961-ack" -> c.rfc5961Ack();
      case "challenge-ack-limit" -> c.challengeAckLimit();
      case "rfc1337" -> c.rfc1337();
      case "time-wait-reuse" -> c.timeWaitReuse();
      default -> throw new IllegalStateException("setting " + key + " has no field");
    };
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
      assign(m, s, value.strip());
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
    assign(new Mutable(TcpConfig.defaults()), s, value.strip());
  }

  /** The value of {@code key} in {@code config}, written as a scenario file would. */
  public static String get(TcpConfig config, String key) {
    Setting s = SETTINGS.get(key);
    if (s == null) {
      throw new IllegalArgumentException("unknown TCP setting '" + key + "'");
    }
    Object v = read(config, key);
    return s.kind.equals("duration") ? Time.format((Long) v) : String.valueOf(v);
  }

  private static void add(String key, String kind, String expected, String rfc, String meaning,
      long min, long max) {
    SETTINGS.put(key, new Setting(key, kind, expected, rfc, meaning, min, max));
  }

  private static void integer(String key, long min, long max, String rfc, String meaning) {
    add(key, "integer", "an integer from " + min + " to " + max, rfc, meaning, min, max);
  }

  /** A number of bytes; scenario files may write units ({@code 64KB}), converted before here. */
  private static void size(String key, long min, long max, String rfc, String meaning) {
    add(key, "size", "a size from " + min + " to " + max + " bytes", rfc, meaning, min, max);
  }

  private static void duration(String key, String rfc, String meaning) {
    add(key, "duration", "a duration such as 200ms", rfc, meaning, 0, 0);
  }

  private static void bool(String key, String rfc, String meaning) {
    add(key, "boolean", "true or false", rfc, meaning, 0, 0);
  }

  private static boolean bool(String v) {
    String t = v.toLowerCase(Locale.ROOT);
    if (!t.equals("true") && !t.equals("false")) {
      throw new IllegalArgumentException("'" + v + "' is not a boolean");
    }
    return t.equals("true");
  }

  private static long parseLong(String v, long min, long max) {
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
