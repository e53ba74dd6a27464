package org.tcpsim.tcp;

import static org.tcpsim.core.Time.HOUR;
import static org.tcpsim.core.Time.MINUTE;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A named, complete set of TCP settings (names are a contract). Each setting can still be
 * overridden alone with {@link TcpConfig#with}.
 */
public enum Profile {
  /** The 1981 text, for history: no congestion control, no delayed ACK, 4 us clock ISNs, RSTs and SYNs accepted anywhere in the window, RST kills TIME-WAIT. */
  RFC793("rfc793"),
  /** RFC 9293 with RFC 1122's corrections, without RFC 5961. */
  RFC9293("rfc9293"),
  /** RFC 9293 plus RFC 5961 challenge ACKs and RFC 1337 TIME-WAIT protection. The default. */
  RFC5961("rfc5961"),
  /** Linux-like defaults: 200 ms min RTO, 40 ms delayed ACK, SYN cookies, 5 SYN-ACK and 6 SYN retries, 60 s TIME-WAIT. */
  LINUX("linux");

  public static final Profile DEFAULT = RFC5961;

  private final String profileName;
  private final TcpConfig config;

  Profile(String profileName) {
    this.profileName = profileName;
    this.config = build(profileName);
  }

  public TcpConfig config() {
    return config;
  }

  @Override
  public String toString() {
    return profileName;
  }

  /** Every profile's name, in declaration order. */
  public static java.util.List<String> names() {
    return Arrays.stream(values()).map(Profile::toString).toList();
  }

  /** Parses a profile name; the error lists the valid ones. */
  public static Profile parse(String name) {
    for (Profile p : values()) {
      if (p.profileName.equals(name.strip())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown profile '" + name + "'; expected one of "
        + Arrays.stream(values()).map(Profile::toString).collect(Collectors.joining(", ")));
  }

  private static TcpConfig build(String name) {
    TcpSettings.Mutable m = new TcpSettings.Mutable();
    // RFC 9293 values, then each profile's differences.
    m.mss = 536; // MUST-15: the default send MSS for IPv4
    m.window = 65535;
    m.msl = 2 * MINUTE; // RFC 9293 3.4.1: "arbitrarily defined to be 2 minutes"
    m.isn = "rfc6528";
    m.iss = null;
    m.backlog = 128;
    m.synCookies = false;
    m.rtoInitial = SECOND; // RFC 6298 2.1
    m.rtoMin = SECOND; // RFC 6298 2.4
    m.rtoMax = 60 * SECOND; // RFC 6298 2.5: at least 60 s
    m.clockGranularity = MS;
    m.synRetries = 8; // with r2-syn: 1+2+4+...+60 s, the OPEN fails after 3 min (MUST-23)
    m.synackRetries = 5;
    m.retries = 15;
    m.r1 = 3; // RFC 1122 4.2.3.5: R1 at least 3 retransmissions
    m.r2 = 100 * SECOND; // RFC 1122 4.2.3.5: R2 at least 100 s
    m.r2Syn = 3 * MINUTE; // RFC 1122 4.2.3.5: at least 3 minutes for a SYN
    m.delayedAck = true;
    m.delayedAckTimeout = 200 * MS;
    m.nagle = true;
    m.congestion = "newreno";
    m.keepalive = false; // RFC 1122 4.2.3.6 MUST-24: off by default
    m.keepaliveIdle = 2 * HOUR;
    m.keepaliveInterval = 75 * SECOND;
    m.keepaliveProbes = 9;
    m.rfc5961Rst = false;
    m.rfc5961Syn = false;
    m.rfc5961Ack = false;
    m.challengeAckLimit = 10;
    m.rfc1337 = false;
    m.timeWaitReuse = true;
    switch (name) {
      case "rfc793" -> {
        m.isn = "clock";
        m.congestion = "none";
        m.delayedAck = false;
        m.nagle = false;
        m.timeWaitReuse = false;
      }
      case "rfc9293" -> { }
      case "rfc5961" -> {
        m.rfc5961Rst = true;
        m.rfc5961Syn = true;
        m.rfc5961Ack = true;
        m.rfc1337 = true;
      }
      case "linux" -> {
        m.mss = 1460;
        m.msl = 30 * SECOND; // TIME-WAIT of 60 s
        m.synCookies = true;
        m.rtoMin = 200 * MS;
        m.rtoMax = 120 * SECOND;
        m.synRetries = 6;
        m.r2Syn = 10 * MINUTE; // the retry count ends a Linux OPEN first (about 127 s)
        m.r2 = 30 * MINUTE; // and 15 retries end a data connection first
        m.delayedAckTimeout = 40 * MS;
        m.rfc5961Rst = true;
        m.rfc5961Syn = true;
        m.rfc5961Ack = true;
        m.challengeAckLimit = 1000;
        m.rfc1337 = false; // net.ipv4.tcp_rfc1337 defaults to 0
      }
      default -> throw new AssertionError(name);
    }
    return m.build();
  }
}
