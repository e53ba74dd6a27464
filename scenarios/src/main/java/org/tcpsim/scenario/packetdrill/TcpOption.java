package org.tcpsim.scenario.packetdrill;

import java.util.List;

/** One TCP option as packetdrill spells it inside {@code <...>}. */
public sealed interface TcpOption {
  /** {@code nop}: one byte of padding (RFC 9293 3.2). */
  record Nop() implements TcpOption {}

  /** {@code eol}: end of the option list (RFC 9293 3.2). */
  record Eol() implements TcpOption {}

  /** {@code mss 1460} (RFC 9293 3.7.1). */
  record Mss(long value) implements TcpOption {}

  /** {@code wscale 7}: the window scale shift (RFC 7323 2). */
  record WindowScale(long shift) implements TcpOption {}

  /** {@code sackOK}: SACK permitted (RFC 2018 2). */
  record SackPermitted() implements TcpOption {}

  /** {@code sack 1001:2001 3001:4001}: SACK blocks, relative sequence numbers (RFC 2018 3). */
  record Sack(List<Block> blocks) implements TcpOption {
    public Sack {
      blocks = List.copyOf(blocks);
    }
  }

  /** One SACK block: left edge and the sequence number after the right edge. */
  record Block(long left, long right) {}

  /** {@code TS val 100 ecr 0} (RFC 7323 3). */
  record Timestamp(long val, long ecr) implements TcpOption {}

  /**
   * {@code FO [cookie]} (RFC 7413, option 34) or {@code FOEXP [cookie]} (the experimental form,
   * option 254); the cookie is kept as written (hex digits or a name such as TFO_COOKIE), empty
   * when absent.
   */
  record FastOpen(boolean experimental, String cookie) implements TcpOption {}

  /** {@code md5 0a0b...}: a TCP MD5 signature (RFC 2385), the digest kept as written. */
  record Md5(String digest) implements TcpOption {}
}
