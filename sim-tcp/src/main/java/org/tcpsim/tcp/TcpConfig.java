package org.tcpsim.tcp;

import java.util.Map;
import java.util.Objects;
import org.tcpsim.core.Time;
import org.tcpsim.tcp.cc.CongestionAlgorithm;
import org.tcpsim.tcp.isn.IsnSpec;

/**
 * Every TCP setting of one host, immutable. A {@link Profile} gives a complete set; {@link
 * TcpSettings} overrides any one of them by its kebab-case name ({@code rto-min}). Durations are
 * nanoseconds.
 *
 * <p>Each component is one setting of {@link TcpSettings}, which names it, says where it comes
 * from, parses it and holds its RFC 9293 value; the README's table is made from there.
 */
public record TcpConfig(
    int mss,
    int window,
    long msl,
    IsnSpec isn,
    Integer iss,
    int backlog,
    boolean synCookies,
    long rtoInitial,
    long rtoMin,
    long rtoMax,
    long clockGranularity,
    int synRetries,
    int synackRetries,
    int retries,
    int r1,
    boolean r1Signal,
    long r2,
    long r2Syn,
    boolean delayedAck,
    long delayedAckTimeout,
    boolean nagle,
    CongestionAlgorithm congestion,
    boolean slowStartAfterIdle,
    boolean keepalive,
    long keepaliveIdle,
    long keepaliveInterval,
    int keepaliveProbes,
    boolean rfc5961Rst,
    boolean rfc5961Syn,
    boolean rfc5961Ack,
    int challengeAckLimit,
    boolean rfc1337,
    boolean timeWaitReuse) {

  /**
   * The longest duration any setting may hold, 1000 hours (about 41 days). Time is a {@code long}
   * count of nanoseconds (292 years), and the TCP adds at most twice a setting to the clock (2*MSL
   * for TIME-WAIT, RFC 9293 3.4.1; a persist interval doubled up to rto-max, RFC 6298 5.5), so
   * with every setting at most this no timer of a run shorter than 290 years overflows. It is far
   * beyond any value the RFCs or Linux use (keep-alive idle: 2 h; Linux caps it at 32767 s).
   */
  public static final long MAX_DURATION = 1000 * Time.HOUR;

  public TcpConfig {
    Objects.requireNonNull(isn, "isn");
    Objects.requireNonNull(congestion, "congestion");
    positive("mss", mss);
    if (mss > 65495) {
      throw new InvalidSettings("mss must be at most 65495, got " + mss, "mss");
    }
    if (window < 0 || window > 65535) {
      // Window scaling (RFC 7323) is not implemented: the header's 16 bits are the limit.
      throw new InvalidSettings("window must be 0..65535 bytes, got " + window, "window");
    }
    duration("msl", msl);
    positive("backlog", backlog);
    duration("rto-initial", rtoInitial);
    duration("rto-min", rtoMin);
    duration("rto-max", rtoMax);
    checkRto(rtoInitial, rtoMin, rtoMax);
    duration("clock-granularity", clockGranularity);
    nonNegative("syn-retries", synRetries);
    nonNegative("synack-retries", synackRetries);
    nonNegative("retries", retries);
    nonNegative("r1", r1);
    duration("r2", r2);
    duration("r2-syn", r2Syn);
    duration("delayed-ack-timeout", delayedAckTimeout);
    if (delayedAckTimeout >= 500_000_000L) {
      // RFC 9293 MUST-40 / RFC 1122 4.2.3.2: the delay MUST be less than 0.5 s.
      throw new InvalidSettings(
          "delayed-ack-timeout must be below 500ms (RFC 9293 MUST-40)", "delayed-ack-timeout");
    }
    duration("keepalive-idle", keepaliveIdle);
    duration("keepalive-interval", keepaliveInterval);
    positive("keepalive-probes", keepaliveProbes);
    positive("challenge-ack-limit", challengeAckLimit);
  }

  /**
   * RFC 6298 2.4 and 2.5 bound every RTO, the first one (2.1) included: {@link RttEstimator}
   * refuses an initial RTO outside [rto-min, rto-max], so a configuration that has one is refused
   * here, where the settings are read, rather than when the first connection opens.
   */
  private static void checkRto(long initial, long min, long max) {
    if (max < min) {
      throw new InvalidSettings("rto-max (" + Time.format(max) + ") is below rto-min ("
          + Time.format(min) + ")", "rto-min", "rto-max");
    }
    if (initial < min) {
      throw new InvalidSettings("rto-initial (" + Time.format(initial) + ") is below rto-min ("
          + Time.format(min) + ")", "rto-min", "rto-initial");
    }
    if (initial > max) {
      throw new InvalidSettings("rto-initial (" + Time.format(initial) + ") is above rto-max ("
          + Time.format(max) + ")", "rto-initial", "rto-max");
    }
  }

  private static void positive(String name, long v) {
    if (v <= 0) {
      throw new InvalidSettings(name + " must be positive, got " + v, name);
    }
  }

  private static void nonNegative(String name, long v) {
    if (v < 0) {
      throw new InvalidSettings(name + " must be >= 0, got " + v, name);
    }
  }

  /** A duration setting: positive, and at most {@link #MAX_DURATION}. */
  private static void duration(String name, long v) {
    positive(name, v);
    if (v > MAX_DURATION) {
      throw new InvalidSettings(name + " must be at most " + Time.format(MAX_DURATION) + ", got "
          + Time.format(v), name);
    }
  }

  /** The default profile's settings ({@code rfc5961}). */
  public static TcpConfig defaults() {
    return Profile.DEFAULT.config();
  }

  /** This configuration with one setting changed, by its kebab-case name. */
  public TcpConfig with(String key, String value) {
    return TcpSettings.apply(this, key, value);
  }

  /**
   * This configuration with several settings changed at once, checked together only at the end
   * (so {@code rto-initial: 100ms, rto-min: 50ms} works from a profile whose rto-min is 1s).
   */
  public TcpConfig with(Map<String, String> values) {
    return TcpSettings.apply(this, values);
  }

  /**
   * A TcpConfig under construction, one field per component. {@link TcpSettings} fills it (each
   * setting's descriptor writes its own field) and {@link Profile} changes what differs.
   */
  static final class Builder {
    int mss;
    int window;
    long msl;
    IsnSpec isn;
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
    boolean r1Signal;
    long r2;
    long r2Syn;
    boolean delayedAck;
    long delayedAckTimeout;
    boolean nagle;
    CongestionAlgorithm congestion;
    boolean slowStartAfterIdle;
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

    /** @throws IllegalArgumentException when the values do not make a valid configuration */
    TcpConfig build() {
      return new TcpConfig(mss, window, msl, isn, iss, backlog, synCookies, rtoInitial, rtoMin,
          rtoMax, clockGranularity, synRetries, synackRetries, retries, r1, r1Signal, r2, r2Syn, delayedAck,
          delayedAckTimeout, nagle, congestion, slowStartAfterIdle, keepalive, keepaliveIdle, keepaliveInterval,
          keepaliveProbes, rfc5961Rst, rfc5961Syn, rfc5961Ack, challengeAckLimit, rfc1337,
          timeWaitReuse);
    }
  }
}
