package org.tcpsim.tcp;

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

  public TcpConfig {
    Objects.requireNonNull(isn, "isn");
    Objects.requireNonNull(congestion, "congestion");
    positive("mss", mss);
    if (mss > 65495) {
      throw new IllegalArgumentException("mss must be at most 65495, got " + mss);
    }
    if (window < 0 || window > 65535) {
      // Window scaling (RFC 7323) is not implemented: the header's 16 bits are the limit.
      throw new IllegalArgumentException("window must be 0..65535 bytes, got " + window);
    }
    positive("msl", msl);
    positive("backlog", backlog);
    positive("rto-initial", rtoInitial);
    positive("rto-min", rtoMin);
    if (rtoMax < rtoMin) {
      throw new IllegalArgumentException("rto-max (" + Time.format(rtoMax)
          + ") is below rto-min (" + Time.format(rtoMin) + ")");
    }
    positive("clock-granularity", clockGranularity);
    nonNegative("syn-retries", synRetries);
    nonNegative("synack-retries", synackRetries);
    nonNegative("retries", retries);
    nonNegative("r1", r1);
    positive("r2", r2);
    positive("r2-syn", r2Syn);
    positive("delayed-ack-timeout", delayedAckTimeout);
    if (delayedAckTimeout >= 500_000_000L) {
      // RFC 9293 MUST-40 / RFC 1122 4.2.3.2: the delay MUST be less than 0.5 s.
      throw new IllegalArgumentException("delayed-ack-timeout must be below 500ms (RFC 9293 MUST-40)");
    }
    positive("keepalive-idle", keepaliveIdle);
    positive("keepalive-interval", keepaliveInterval);
    positive("keepalive-probes", keepaliveProbes);
    positive("challenge-ack-limit", challengeAckLimit);
  }

  private static void positive(String name, long v) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + v);
    }
  }

  private static void nonNegative(String name, long v) {
    if (v < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + v);
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
