package org.tcpsim.scenario.output;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.tcpsim.core.net.Packet;
import org.tcpsim.core.trace.PacketReceived;
import org.tcpsim.core.trace.PacketSent;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.core.trace.TraceSink;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SegmentCodec;

/**
 * Writes the packets seen at a {@link CapturePoint} to a pcap file that Wireshark and tshark
 * read: each record is an IPv4 packet (LINKTYPE_RAW) with a correct IPv4 header checksum and a
 * TCP segment with its options, a correct checksum and its data (zeros when the simulation only
 * carried a length).
 *
 * <p>A packet damaged on a link ({@link Packet#corrupted()}) is written with a wrong TCP checksum,
 * so Wireshark flags it exactly where the receiving TCP drops it with reason {@code checksum}. The
 * simulator does not model which bits were hit; the rest of the packet is written intact so that
 * it can still be read.
 *
 * <p>Packets are encoded and written as their events arrive, through a buffer, so a long run
 * never holds its packets in memory. Packets that do not carry a TCP segment are skipped.
 */
public final class PcapWriter implements TraceSink, Closeable, Flushable {
  /** RFC 1700's recommended default TTL (and Linux's); the simulator has no TTL of its own. */
  static final int TTL = 64;

  /** Where the TCP checksum sits in the packet: after the 20-octet IPv4 header, at octet 16. */
  private static final int TCP_CHECKSUM_AT = SegmentCodec.IPV4_HEADER_LENGTH + 16;

  private final PcapFile file;
  private final CapturePoint point;
  /**
   * The IPv4 Identification (RFC 791 3.1) of the next record, a 16-bit counter per file. It
   * counts records, not simulated packets: the simulator has no IP ids, and remembering one per
   * packet (so that a packet seen leaving A and reaching B kept its id) would hold every packet
   * in flight in a map. With Don't Fragment set the field has no meaning for reassembly anyway
   * (an "atomic datagram", RFC 6864 section 4).
   */
  private int nextIpId;

  /** Writes to {@code out} and closes it on {@link #close()}. */
  public PcapWriter(OutputStream out, CapturePoint point) {
    this(out, point, true);
  }

  /**
   * Writes to {@code out}; {@code closeTarget} false makes {@link #close()} only flush, for a
   * stream the caller owns (standard output).
   */
  public PcapWriter(OutputStream out, CapturePoint point, boolean closeTarget) {
    Objects.requireNonNull(out, "out");
    this.point = Objects.requireNonNull(point, "point");
    try {
      this.file = new PcapFile(out, closeTarget);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CapturePoint capturePoint() {
    return point;
  }

  /** Records written so far. */
  public long packets() {
    return file.records();
  }

  @Override
  public void accept(TraceEvent event) {
    if (event instanceof PacketSent e) {
      if (point.capturesSent(e.node(), e.channel())) {
        write(e.time(), e.packet());
      }
    } else if (event instanceof PacketReceived e) {
      if (point.capturesReceived(e.node(), e.channel())) {
        write(e.time(), e.packet());
      }
    }
  }

  private void write(long time, Packet p) {
    if (!(p.payload() instanceof Segment s)) {
      return;
    }
    byte[] bytes = SegmentCodec.ipv4Packet(s, p.src(), p.dst(), TTL, nextIpId);
    nextIpId = (nextIpId + 1) & 0xFFFF;
    if (p.corrupted()) {
      spoilTcpChecksum(bytes);
    }
    try {
      file.write(time, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces the correct TCP checksum {@code c} with its complement, which can never verify: the
   * receiver's ones' complement sum (RFC 1071) changes by {@code ~c - c}, which is zero modulo
   * 0xFFFF only when {@code c} is 0x0000 or 0xFFFF, the two spellings of ones' complement zero.
   * For those, flipping the lowest bit changes the sum by one instead, which is never zero.
   */
  static void spoilTcpChecksum(byte[] ipPacket) {
    int c = ((ipPacket[TCP_CHECKSUM_AT] & 0xFF) << 8) | (ipPacket[TCP_CHECKSUM_AT + 1] & 0xFF);
    int bad = (c == 0 || c == 0xFFFF) ? c ^ 0x0001 : c ^ 0xFFFF;
    ipPacket[TCP_CHECKSUM_AT] = (byte) (bad >>> 8);
    ipPacket[TCP_CHECKSUM_AT + 1] = (byte) bad;
  }

  @Override
  public void flush() throws IOException {
    file.flush();
  }

  /** Flushes, and closes the target unless it was opened with {@code closeTarget} false. */
  @Override
  public void close() throws IOException {
    file.close();
  }
}
