package org.tcpsim.scenario.output;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The classic libpcap file format, nanosecond variant, with raw IPv4 records: a 24-octet global
 * header, then per packet a 16-octet record header and the packet's octets. Knows nothing of TCP.
 *
 * <p>Layout per draft-ietf-opsawg-pcap (the "PCAP Capture File Format" Internet-Draft) sections 4
 * and 5: magic 0xA1B23C4D means the sub-second field holds nanoseconds; everything is written in
 * little-endian order, which readers detect from the magic's byte order. LINKTYPE_RAW (101) says
 * each record begins with an IP header (no link-layer header), see tcpdump.org/linktypes.html.
 */
final class PcapFile implements Closeable, Flushable {
  /** Nanosecond-resolution pcap (draft-ietf-opsawg-pcap section 4). */
  static final int MAGIC_NANOSECONDS = 0xA1B23C4D;

  static final short VERSION_MAJOR = 2;
  static final short VERSION_MINOR = 4;

  /** Large enough for any IPv4 packet (at most 65535 octets), so nothing is ever cut. */
  static final int SNAPLEN = 262_144;

  /** LINKTYPE_RAW: the packet begins with an IPv4 or IPv6 header. */
  static final int LINKTYPE_RAW = 101;

  static final int GLOBAL_HEADER_LENGTH = 24;
  static final int RECORD_HEADER_LENGTH = 16;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final OutputStream out;
  private final boolean closeTarget;
  private final ByteBuffer header = ByteBuffer.allocate(GLOBAL_HEADER_LENGTH)
      .order(ByteOrder.LITTLE_ENDIAN);
  private long records;

  /** Writes the global header at once, so even a capture of no packet is a valid file. */
  PcapFile(OutputStream target, boolean closeTarget) throws IOException {
    this.out = new BufferedOutputStream(target, 1 << 16);
    this.closeTarget = closeTarget;
    header.clear();
    header.putInt(MAGIC_NANOSECONDS);
    header.putShort(VERSION_MAJOR);
    header.putShort(VERSION_MINOR);
    header.putInt(0); // thiszone: timestamps are UTC (simulated time 0 is the epoch)
    header.putInt(0); // sigfigs: always 0 in practice
    header.putInt(SNAPLEN);
    header.putInt(LINKTYPE_RAW);
    out.write(header.array(), 0, GLOBAL_HEADER_LENGTH);
  }

  /** Appends one record stamped {@code time} nanoseconds after the epoch. */
  void write(long time, byte[] packet) throws IOException {
    if (time < 0) {
      throw new IllegalArgumentException("pcap timestamps cannot be negative, got " + time);
    }
    header.clear();
    // ts_sec is an unsigned 32-bit field: enough for 136 years of simulated time.
    header.putInt((int) (time / NANOS_PER_SECOND));
    header.putInt((int) (time % NANOS_PER_SECOND));
    header.putInt(packet.length); // incl_len: never cut, the snaplen exceeds any IPv4 packet
    header.putInt(packet.length); // orig_len
    out.write(header.array(), 0, RECORD_HEADER_LENGTH);
    out.write(packet);
    records++;
  }

  long records() {
    return records;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closeTarget) {
      out.close();
    } else {
      out.flush();
    }
  }
}
