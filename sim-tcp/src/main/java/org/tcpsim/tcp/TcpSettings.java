package org.tcpsim.tcp;

import static org.tcpsim.core.Time.HOUR;
import static org.tcpsim.core.Time.MINUTE;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.tcpsim.core.Time;
import org.tcpsim.tcp.cc.CongestionAlgorithm;
import org.tcpsim.tcp.isn.IsnSpec;

/**
 * The one table of TCP settings: kebab-case name, kind of value, the RFC it comes from, its RFC
 * 9293 value, and how to read and write it. Scenario files, {@code --set} and the README table
 * all go through here, so a setting added here is usable everywhere.
 */
public final class TcpSettings {

  /**
   * One setting. {@code kind} is what a value looks like; {@code form} writes it for the README
   * ({@code size}, {@code N|none}); {@code expected} says so in words for error messages ("an
   * integer from 1 to 1000000"); {@code min} and {@code max} are the bounds it says, for the
   * kinds that have them.
   */
  public static final class Setting {
    private final String key;
    private final SettingKind kind;
    private final String form;
    private final String expected;
    private final String rfc;
    private final String meaning;
    private final Value<?> value;
    private final long min;
    private final long max;

    private Setting(String key, SettingKind kind, String form, String expected, String rfc,
        String meaning, Value<?> value, long min, long max) {
      this.key = key;
      this.kind = kind;
      this.form = form;
      this.expected = expected;
      this.rfc = rfc;
      this.meaning = meaning;
      this.value = value;
      this.min = min;
      this.max = max;
    }

    public String key() {
      return key;
    }

    public SettingKind kind() {
      return kind;
    }

    /** How a value is written: the kind ({@code duration}), or its forms ({@code N|none}). */
    public String form() {
      return form;
    }

    public String expected() {
      return expected;
    }

    /**
     * The smallest value allowed, for an {@link SettingKind#INTEGER}, {@link SettingKind#SIZE}
     * (bytes) or {@link SettingKind#DURATION} (nanoseconds); 0 for the other kinds.
     */
    public long min() {
      return min;
    }

    /** The largest value allowed, as {@link #min()}; 0 for the kinds without bounds. */
    public long max() {
      return max;
    }

    public String rfc() {
      return rfc;
    }

    public String meaning() {
      return meaning;
    }

    @Override
    public String toString() {
      return key;
    }
  }

  /**
   * How one setting's value is parsed from text, printed back, and moved between a {@link
   * TcpConfig} and its {@link TcpConfig.Builder}; {@code initial} is its RFC 9293 value.
   */
  private record Value<T>(T initial, Function<String, T> parse, Function<T, String> format,
      Function<TcpConfig, T> get, BiConsumer<TcpConfig.Builder, T> set) {
    void assign(TcpConfig.Builder b, String text) {
      set.accept(b, parse.apply(text));
    }

    void copy(TcpConfig from, TcpConfig.Builder to) {
      set.accept(to, get.apply(from));
    }

    void reset(TcpConfig.Builder b) {
      set.accept(b, initial);
    }

    String read(TcpConfig c) {
      return format.apply(get.apply(c));
    }
  }

  /**
   * The upper bound of a duration setting (1000 h, {@link TcpConfig#MAX_DURATION}: the clock
   * must hold now + 2 * the setting); the lower bound is 1ns, as none of them may be 0.
   */
  private static final long MAX = TcpConfig.MAX_DURATION;

  // One entry per setting: its name, bounds, RFC 9293 value (the rfc9293 profile's; Profile
  // changes what the other profiles do differently), its component in TcpConfig and its field in
  // the builder, where it comes from and what it means. The list's order is the README's.
  private static final List<Setting> TABLE = List.of(
      // MUST-15: 536 is the default send MSS for IPv4.
      size("mss", 1, 65495, 536, TcpConfig::mss, (b, v) -> b.mss = v,
          "RFC 9293 3.7.1 MUST-15", "MSS this host announces and sends with (bytes)"),
      size("window", 0, 65535, 65535, TcpConfig::window, (b, v) -> b.window = v,
          "RFC 9293 3.8.6", "receive buffer, the largest window announced (bytes, <= 65535)"),
      // RFC 9293 3.4.1: the MSL is "arbitrarily defined to be 2 minutes".
      duration("msl", 2 * MINUTE, MAX, TcpConfig::msl, (b, v) -> b.msl = v,
          "RFC 9293 3.4.1, MUST-13", "maximum segment lifetime; TIME-WAIT lasts 2*MSL"),
      setting("isn", SettingKind.ISN, "clock|rfc6528|N[,N...]",
          "clock, rfc6528, or fixed numbers from 0 to 4294967295 (\"300,400\": one per connection)",
          new Value<>(IsnSpec.RFC6528, IsnSpec::parse, String::valueOf, TcpConfig::isn,
              (b, v) -> b.isn = v),
          "RFC 9293 3.4.1; RFC 6528",
          "initial sequence number generator: the 4 us clock, clock + keyed hash, or fixed numbers taken in turn (the last repeats)"),
      setting("iss", SettingKind.ISS, "N|none", "a number from 0 to 4294967295, or none",
          new Value<Integer>(null, TcpSettings::iss,
              v -> v == null ? "none" : Long.toString(SeqNum.toLong(v)), TcpConfig::iss,
              (b, v) -> b.iss = v),
          "RFC 9293 3.4.1", "fixed ISS for every connection (teaching); overrides isn"),
      integer("backlog", 1, 1000000, 128, TcpConfig::backlog, (b, v) -> b.backlog = v,
          "RFC 4987 2", "bound on the SYN queue and on the accept queue of a listener"),
      bool("syn-cookies", false, TcpConfig::synCookies, (b, v) -> b.synCookies = v,
          "RFC 4987 3.6", "answer SYNs statelessly with a cookie while the SYN queue is full"),
      duration("rto-initial", SECOND, MAX, TcpConfig::rtoInitial, (b, v) -> b.rtoInitial = v,
          "RFC 6298 2.1", "RTO before the first RTT sample"),
      duration("rto-min", SECOND, MAX, TcpConfig::rtoMin, (b, v) -> b.rtoMin = v,
          "RFC 6298 2.4", "lower bound on the RTO"),
      // RFC 6298 2.5: a maximum value "MAY be placed on RTO provided it is at least 60 seconds".
      duration("rto-max", 60 * SECOND, MAX, TcpConfig::rtoMax, (b, v) -> b.rtoMax = v,
          "RFC 6298 2.5", "upper bound on the RTO (and on backed-off timers)"),
      duration("clock-granularity", MS, MAX, TcpConfig::clockGranularity,
          (b, v) -> b.clockGranularity = v,
          "RFC 6298 2 (G)", "timer granularity G in RTO = SRTT + max(G, 4*RTTVAR)"),
      // With r2-syn: 1+2+4+...+60 s, so the OPEN fails after 3 min (MUST-23).
      integer("syn-retries", 0, 255, 8, TcpConfig::synRetries, (b, v) -> b.synRetries = v,
          "RFC 1122 4.2.3.5; RFC 9293 MUST-23",
          "SYN retransmissions before an active OPEN fails (r2-syn may end it first)"),
      integer("synack-retries", 0, 255, 5, TcpConfig::synackRetries,
          (b, v) -> b.synackRetries = v,
          "RFC 4987 2", "SYN,ACK retransmissions before a half-open connection is dropped"),
      integer("retries", 0, 255, 15, TcpConfig::retries, (b, v) -> b.retries = v,
          "RFC 1122 4.2.3.5",
          "retransmissions of data or FIN before the connection fails (r2 may end it first)"),
      // RFC 1122 4.2.3.5: R1 at least 3 retransmissions.
      integer("r1", 0, 255, 3, TcpConfig::r1, (b, v) -> b.r1 = v,
          "RFC 1122 4.2.3.5; RFC 9293 MUST-20",
          "retransmissions after which the trace notes R1 (advice to IP)"),
      // RFC 9293 3.8.3 (e), SHLD-9: tell the application at R1, unless it turned that off.
      bool("r1-signal", true, TcpConfig::r1Signal, (b, v) -> b.r1Signal = v,
          "RFC 9293 3.8.3, SHLD-9",
          "tell the application \"delivery problem\" when R1 is reached"),
      // RFC 1122 4.2.3.5: R2 at least 100 s, and at least 3 minutes for a SYN.
      duration("r2", 100 * SECOND, MAX, TcpConfig::r2, (b, v) -> b.r2 = v,
          "RFC 1122 4.2.3.5; RFC 9293 MUST-20",
          "time retransmitting data before the connection fails (>= 100 s)"),
      duration("r2-syn", 3 * MINUTE, MAX, TcpConfig::r2Syn, (b, v) -> b.r2Syn = v,
          "RFC 1122 4.2.3.5; RFC 9293 MUST-23",
          "time retransmitting a SYN before OPEN fails (>= 3 min)"),
      bool("delayed-ack", true, TcpConfig::delayedAck, (b, v) -> b.delayedAck = v,
          "RFC 1122 4.2.3.2; RFC 9293 SHLD-18",
          "delay ACKs (an ACK for at least every second full segment)"),
      // RFC 9293 MUST-40 (RFC 1122 4.2.3.2): the delay MUST be less than 0.5 s.
      duration("delayed-ack-timeout", 200 * MS, 500 * MS - 1, TcpConfig::delayedAckTimeout,
          (b, v) -> b.delayedAckTimeout = v,
          "RFC 9293 MUST-40", "longest delay of an ACK (< 500ms)"),
      bool("nagle", true, TcpConfig::nagle, (b, v) -> b.nagle = v,
          "RFC 896; RFC 9293 3.7.4 SHLD-7",
          "Nagle's algorithm: hold small segments while data is unacknowledged"),
      setting("congestion", SettingKind.CHOICE,
          String.join("|", CongestionAlgorithm.names()),
          "one of " + String.join(", ", CongestionAlgorithm.names()),
          new Value<>(CongestionAlgorithm.NEWRENO, CongestionAlgorithm::parse, String::valueOf,
              TcpConfig::congestion, (b, v) -> b.congestion = v),
          "RFC 5681; RFC 6582; RFC 9293 MUST-19", "congestion control algorithm"),
      // RFC 5681 4.1: SHOULD; Linux's net.ipv4.tcp_slow_start_after_idle (tcp_cwnd_restart).
      bool("slow-start-after-idle", true, TcpConfig::slowStartAfterIdle,
          (b, v) -> b.slowStartAfterIdle = v, "RFC 5681 4.1",
          "after more than an RTO without sending data, cwnd restarts from at most the initial window"),
      // RFC 1122 4.2.3.6 MUST-24: keep-alives off by default, idle at least 2 hours.
      bool("keepalive", false, TcpConfig::keepalive, (b, v) -> b.keepalive = v,
          "RFC 1122 4.2.3.6; RFC 9293 MUST-24", "send keep-alive probes on an idle connection"),
      duration("keepalive-idle", 2 * HOUR, MAX, TcpConfig::keepaliveIdle,
          (b, v) -> b.keepaliveIdle = v,
          "RFC 9293 MUST-26", "idle time before the first keep-alive (>= 2h by default)"),
      duration("keepalive-interval", 75 * SECOND, MAX, TcpConfig::keepaliveInterval,
          (b, v) -> b.keepaliveInterval = v,
          "RFC 1122 4.2.3.6", "time between unanswered keep-alives"),
      integer("keepalive-probes", 1, 255, 9, TcpConfig::keepaliveProbes,
          (b, v) -> b.keepaliveProbes = v,
          "RFC 1122 4.2.3.6", "unanswered keep-alives before the connection fails"),
      bool("rfc5961-rst", false, TcpConfig::rfc5961Rst, (b, v) -> b.rfc5961Rst = v,
          "RFC 5961 3.2", "a RST must hit RCV.NXT exactly; in-window RSTs get a challenge ACK"),
      bool("rfc5961-syn", false, TcpConfig::rfc5961Syn, (b, v) -> b.rfc5961Syn = v,
          "RFC 5961 4.2",
          "a SYN in a synchronized state gets a challenge ACK instead of a reset"),
      bool("rfc5961-ack", false, TcpConfig::rfc5961Ack, (b, v) -> b.rfc5961Ack = v,
          "RFC 5961 5.2; RFC 9293 MAY-12",
          "drop (and ACK) segments whose ACK is older than SND.UNA - MAX.SND.WND"),
      integer("challenge-ack-limit", 1, 1000000, 10, TcpConfig::challengeAckLimit,
          (b, v) -> b.challengeAckLimit = v,
          "RFC 5961 7", "challenge ACKs a host sends per second, at most"),
      bool("rfc1337", false, TcpConfig::rfc1337, (b, v) -> b.rfc1337 = v,
          "RFC 1337 (F1)", "ignore a RST in TIME-WAIT (TIME-WAIT assassination protection)"),
      bool("time-wait-reuse", true, TcpConfig::timeWaitReuse, (b, v) -> b.timeWaitReuse = v,
          "RFC 9293 3.10.7.4 MAY-2; RFC 1122 4.2.2.13",
          "a new SYN (SEG.SEQ > RCV.NXT) may reopen a connection in TIME-WAIT"));

  private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

  static {
    for (Setting s : TABLE) {
      SETTINGS.put(s.key, s);
    }
  }

  private TcpSettings() {}

  /** Every setting, in the order the README lists them. */
  public static List<Setting> all() {
    return TABLE;
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
   * @throws InvalidSettings naming the setting and what was expected, or the settings the new
   *     value disagrees with
   */
  public static TcpConfig apply(TcpConfig config, String key, String value) {
    return apply(config, Map.of(key, value));
  }

  /**
   * {@code config} with every setting of {@code values} changed, then checked as a whole: the
   * settings that must agree (rto-min <= rto-initial <= rto-max) are compared only once all are
   * set, so the order they are written in does not matter.
   *
   * @throws InvalidSettings naming the setting whose value is bad and what was expected, or the
   *     settings that disagree
   */
  public static TcpConfig apply(TcpConfig config, Map<String, String> values) {
    TcpConfig.Builder b = new TcpConfig.Builder();
    for (Setting each : TABLE) {
      each.value.copy(config, b);
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      Setting s = SETTINGS.get(key);
      if (s == null) {
        throw new InvalidSettings("unknown TCP setting '" + key + "'; expected one of "
            + String.join(", ", SETTINGS.keySet()), key);
      }
      try {
        s.value.assign(b, e.getValue().strip());
      } catch (IllegalArgumentException ex) {
        String msg = ex.getMessage();
        throw new InvalidSettings(
            key + ": " + msg + (msg.contains("expected") ? "" : ", expected " + s.expected()), ex,
            key);
      }
    }
    return b.build();
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
    s.value.parse.apply(value.strip());
  }

  /** The value of {@code key} in {@code config}, written as a scenario file would. */
  public static String get(TcpConfig config, String key) {
    Setting s = SETTINGS.get(key);
    if (s == null) {
      throw new IllegalArgumentException("unknown TCP setting '" + key + "'");
    }
    return s.value.read(config);
  }

  /** A builder holding every setting's RFC 9293 value, for {@link Profile}. */
  static TcpConfig.Builder rfc9293() {
    TcpConfig.Builder b = new TcpConfig.Builder();
    for (Setting s : TABLE) {
      s.value.reset(b);
    }
    return b;
  }

  private static Setting setting(String key, SettingKind kind, String form, String expected,
      Value<?> value, String rfc, String meaning) {
    return new Setting(key, kind, form, expected, rfc, meaning, value, 0, 0);
  }

  private static Setting bounded(String key, SettingKind kind, String expected, Value<?> value,
      String rfc, String meaning, long min, long max) {
    String form = kind.name().toLowerCase(Locale.ROOT);
    return new Setting(key, kind, form, expected, rfc, meaning, value, min, max);
  }

  private static Setting integer(String key, long min, long max, int initial,
      Function<TcpConfig, Integer> get, BiConsumer<TcpConfig.Builder, Integer> set, String rfc,
      String meaning) {
    return bounded(key, SettingKind.INTEGER, "an integer from " + min + " to " + max,
        new Value<>(initial, v -> (int) parseLong(v, min, max), String::valueOf, get, set),
        rfc, meaning, min, max);
  }

  /** A number of bytes; scenario files may write units ({@code 64KB}), converted before here. */
  private static Setting size(String key, long min, long max, int initial,
      Function<TcpConfig, Integer> get, BiConsumer<TcpConfig.Builder, Integer> set, String rfc,
      String meaning) {
    return bounded(key, SettingKind.SIZE, "a size from " + min + " to " + max + " bytes",
        new Value<>(initial, v -> (int) parseLong(v, min, max), String::valueOf, get, set),
        rfc, meaning, min, max);
  }

  /**
   * A duration from 1ns to {@code max}: every duration setting is a positive time, and bounded so
   * that the clock holds the arithmetic the TCP does on it (see {@link TcpConfig#MAX_DURATION}).
   */
  private static Setting duration(String key, long initial, long max,
      Function<TcpConfig, Long> get, BiConsumer<TcpConfig.Builder, Long> set, String rfc,
      String meaning) {
    // A bound below MAX comes from an RFC, which the message names.
    String why = max == MAX ? "" : " (below " + readable(max + 1) + ": " + rfc + ")";
    return bounded(key, SettingKind.DURATION, "a duration from 1ns to " + readable(max) + why,
        new Value<>(initial, v -> parseDuration(v, max), Time::format, get, set), rfc, meaning,
        1, max);
  }

  private static long parseDuration(String v, long max) {
    long t = Time.parse(v);
    if (t < 1 || t > max) {
      throw new IllegalArgumentException(readable(t) + " is too " + (t < 1 ? "small" : "large"));
    }
    return t;
  }

  /** A duration in the unit a person would write it in: {@code 1000h}, {@code 2min}, {@code 1.5s}. */
  private static String readable(long t) {
    if (t > 0 && t % HOUR == 0) {
      return t / HOUR + "h";
    }
    if (t > 0 && t % MINUTE == 0) {
      return t / MINUTE + "min";
    }
    return Time.format(t);
  }

  private static Setting bool(String key, boolean initial, Function<TcpConfig, Boolean> get,
      BiConsumer<TcpConfig.Builder, Boolean> set, String rfc, String meaning) {
    return setting(key, SettingKind.BOOLEAN, "boolean", "true or false",
        new Value<>(initial, TcpSettings::bool, String::valueOf, get, set), rfc, meaning);
  }

  private static boolean bool(String v) {
    String t = v.toLowerCase(Locale.ROOT);
    if (!t.equals("true") && !t.equals("false")) {
      throw new IllegalArgumentException("'" + v + "' is not a boolean");
    }
    return t.equals("true");
  }

  /** {@code none}, or a fixed ISS: an unsigned 32-bit number held in an int. */
  private static Integer iss(String v) {
    return v.equals("none") ? null : (int) parseLong(v, 0, 0xFFFF_FFFFL);
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
}
