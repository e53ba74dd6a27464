package org.tcpsim.tcp;

import java.util.Objects;

/**
 * Wire format of a TCP segment (RFC 9293 section 3.1) with its checksum over the IPv4
 * pseudo-header, and the IPv4 packet around it (RFC 791 section 3.1) for pcap output.
 *
 * <p>Addresses are IPv4 addresses as {@code int}s, as {@code org.tcpsim.core.net.Ipv4} holds
 * them. Every malformed input is reported as an {@link IllegalArgumentException} saying what is
 * wrong and where.
 */
public final class SegmentCodec {
  /** The fixed part of the TCP header, Data Offset 5 (RFC 9293 3.1). */
  public static final int TCP_HEADER_LENGTH = 20;

  /** The IPv4 header without options, IHL 5 (RFC 791 3.1). */
  public static final int IPV4_HEADER_LENGTH = 20;

  /** The protocol number of TCP in the IP header and the pseudo-header. */
  public static final int PROTOCOL_TCP = 6;

  /** Both the pseudo-header's TCP Length and IPv4 Total Length are 16-bit fields. */
  private static final int MAX_LENGTH = 0xFFFF;

  private static final int CHECKSUM_AT = 16;

  private SegmentCodec() {}

  /**
   * The TCP header, options and data of {@code s}, with a correct checksum for a segment sent
   * from {@code srcAddr} to {@code dstAddr}. Data without a payload is encoded as zeros.
   *
   * @throws IllegalArgumentException if the segment is longer than 65535 octets
   */
  public static byte[] encode(Segment s, int srcAddr, int dstAddr) {
    TcpOptions options = s.options();
    int headerLength = TCP_HEADER_LENGTH + TcpOptionsCodec.paddedLength(options);
    long total = (long) headerLength + s.dataLength();
    if (total > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "segment of " + total + " octets is longer than the pseudo-header's TCP Length allows ("
              + MAX_LENGTH + ")");
    }
    byte[] b = new byte[(int) total];
    BigEndian.putU16(b, 0, s.srcPort());
    BigEndian.putU16(b, 2, s.dstPort());
    BigEndian.putU32(b, 4, s.seq());
    BigEndian.putU32(b, 8, s.ack());
    // Data Offset in 32-bit words in the high nibble; the reserved bits stay zero (RFC 9293 3.1).
    b[12] = (byte) ((headerLength / 4) << 4);
    b[13] = (byte) s.flags();
    BigEndian.putU16(b, 14, s.window());
    BigEndian.putU16(b, 18, s.urgentPointer());
    TcpOptionsCodec.write(options, b, TCP_HEADER_LENGTH);
    if (s.hasPayload()) {
      System.arraycopy(s.payload(), 0, b, headerLength, s.dataLength());
    }
    // RFC 9293 3.1: computed with the checksum field itself replaced with zeros, as it still is.
    BigEndian.putU16(b, CHECKSUM_AT, InternetChecksum.finish(sum(b, srcAddr, dstAddr)));
    return b;
  }

  /**
   * Whether {@code tcp}, received from {@code srcAddr} for {@code dstAddr}, has a correct
   * checksum: the ones' complement sum of pseudo-header, header and data, checksum field
   * included, is all ones.
   *
   * @throws IllegalArgumentException if {@code tcp} is shorter than a TCP header or longer than
   *     65535 octets
   */
  public static boolean checksumOk(byte[] tcp, int srcAddr, int dstAddr) {
    checkLength(tcp);
    return sum(tcp, srcAddr, dstAddr) == 0xFFFF;
  }

  /**
   * Parses a segment: header fields, options (unknown ones skipped, RFC 9293 3.1 MUST-6) and
   * data, which is kept as the payload. The structure is checked first, then the checksum.
   *
   * @throws IllegalArgumentException if the segment is too short, its Data Offset is below 5 or
   *     beyond the end, an option is truncated or has an illegal length, or the checksum is wrong
   */
  public static Segment decode(byte[] tcp, int srcAddr, int dstAddr) {
    checkLength(tcp);
    int dataOffset = (tcp[12] & 0xFF) >>> 4;
    int headerLength = dataOffset * 4;
    if (dataOffset < 5) {
      throw new IllegalArgumentException(
          "bad data offset " + dataOffset + ": the minimum is 5 (a 20-octet header)");
    }
    if (headerLength > tcp.length) {
      throw new IllegalArgumentException(
          "bad data offset " + dataOffset + ": header of " + headerLength
              + " octets but the segment has only " + tcp.length);
    }
    TcpOptions options = TcpOptionsCodec.read(tcp, TCP_HEADER_LENGTH, headerLength);
    if (!checksumOk(tcp, srcAddr, dstAddr)) {
      throw new IllegalArgumentException(
          String.format(
              "bad checksum 0x%04x, expected 0x%04x",
              BigEndian.u16(tcp, CHECKSUM_AT), expectedChecksum(tcp, srcAddr, dstAddr)));
    }
    byte[] payload = new byte[tcp.length - headerLength];
    System.arraycopy(tcp, headerLength, payload, 0, payload.length);
    return new Segment(
        BigEndian.u16(tcp, 0),
        BigEndian.u16(tcp, 2),
        BigEndian.u32(tcp, 4),
        BigEndian.u32(tcp, 8),
        tcp[13] & 0xFF,
        BigEndian.u16(tcp, 14),
        BigEndian.u16(tcp, 18),
        options,
        payload.length,
        payload);
  }

  /**
   * An IPv4 packet carrying {@code s}: a 20-octet header (version 4, IHL 5, DSCP/ECN 0, Total
   * Length, Identification {@code ipId}, Don't Fragment set, fragment offset 0, {@code ttl},
   * protocol 6, correct header checksum, the addresses) followed by {@link #encode}. This is what
   * a pcap file with LINKTYPE_RAW holds.
   *
   * @throws IllegalArgumentException if {@code ttl} is not 0..255, {@code ipId} not 0..65535, or
   *     the packet longer than 65535 octets
   */
  public static byte[] ipv4Packet(Segment s, int srcAddr, int dstAddr, int ttl, int ipId) {
    if (ttl < 0 || ttl > 0xFF) {
      throw new IllegalArgumentException("TTL must be 0..255, got " + ttl);
    }
    if (ipId < 0 || ipId > 0xFFFF) {
      throw new IllegalArgumentException("IP identification must be 0..65535, got " + ipId);
    }
    byte[] tcp = encode(s, srcAddr, dstAddr);
    int total = IPV4_HEADER_LENGTH + tcp.length;
    if (total > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "IPv4 packet of " + total + " octets is longer than Total Length allows ("
              + MAX_LENGTH + ")");
    }
    byte[] p = new byte[total];
    p[0] = 0x45; // RFC 791 3.1: version 4, IHL 5 words.
    BigEndian.putU16(p, 2, total);
    BigEndian.putU16(p, 4, ipId);
    BigEndian.putU16(p, 6, 0x4000); // Flags: Don't Fragment; fragment offset 0.
    p[8] = (byte) ttl;
    p[9] = PROTOCOL_TCP;
    BigEndian.putU32(p, 12, srcAddr);
    BigEndian.putU32(p, 16, dstAddr);
    // RFC 791 3.1: the checksum of the header only, computed with the field zero.
    BigEndian.putU16(p, 10, InternetChecksum.of(p, 0, IPV4_HEADER_LENGTH));
    System.arraycopy(tcp, 0, p, IPV4_HEADER_LENGTH, tcp.length);
    return p;
  }

  private static void checkLength(byte[] tcp) {
    Objects.requireNonNull(tcp, "tcp");
    if (tcp.length < TCP_HEADER_LENGTH) {
      throw new IllegalArgumentException(
          "TCP segment too short: " + tcp.length + " octets, the header alone is "
              + TCP_HEADER_LENGTH);
    }
    if (tcp.length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "TCP segment too long: " + tcp.length + " octets, at most " + MAX_LENGTH);
    }
  }

  /**
   * The ones' complement sum of the IPv4 pseudo-header (RFC 9293 3.1, Figure 2: source address,
   * destination address, zero, PTCL = 6, TCP Length) and the whole segment as it stands.
   */
  private static int sum(byte[] tcp, int srcAddr, int dstAddr) {
    int sum = InternetChecksum.addInt(0, srcAddr);
    sum = InternetChecksum.addInt(sum, dstAddr);
    sum = InternetChecksum.addWord(sum, PROTOCOL_TCP); // the zero octet, then PTCL
    sum = InternetChecksum.addWord(sum, tcp.length);
    return InternetChecksum.add(sum, tcp, 0, tcp.length);
  }

  /** The checksum the field should hold, computed as the sender does, on a copy. */
  private static int expectedChecksum(byte[] tcp, int srcAddr, int dstAddr) {
    byte[] copy = tcp.clone();
    BigEndian.putU16(copy, CHECKSUM_AT, 0);
    return InternetChecksum.finish(sum(copy, srcAddr, dstAddr));
  }
}
