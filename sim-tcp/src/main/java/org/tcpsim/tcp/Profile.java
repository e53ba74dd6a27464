package org.tcpsim.tcp;

import static org.tcpsim.core.Time.MINUTE;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import java.util.Arrays;
import java.util.List;
import org.tcpsim.tcp.cc.CongestionAlgorithm;
import org.tcpsim.tcp.isn.IsnSpec;

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
  public static List<String> names() {
    return Arrays.stream(values()).map(Profile::toString).toList();
  }

  /** Parses a profile name; the error lists the valid ones. */
  public static Profile parse(String name) {
    for (Profile p : values()) {
      if (p.profileName.equals(name.strip())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown profile '" + name + "'; expected one of " + String.join(", ", names()));
  }

  private static TcpConfig build(String name) {
    // Every setting at its RFC 9293 value (TcpSettings), then what this profile changes.
    TcpConfig.Builder m = TcpSettings.rfc9293();
    switch (name) {
      case "rfc793" -> {
        m.isn = IsnSpec.CLOCK;
        m.congestion = CongestionAlgorithm.NONE;
        m.delayedAck = false;
        m.nagle = false;
        m.timeWaitReuse = false;
        m.r1Signal = false; // R1 and R2 came with RFC 1122
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
        m.r1Signal = false; // Linux gives IP negative advice at R1 but tells the socket nothing
        m.slowStartAfterIdle = false; // packetdrill's defaults.sh: tcp_slow_start_after_idle=0
      }
      default -> throw new AssertionError(name);
    }
    return m.build();
  }
}
