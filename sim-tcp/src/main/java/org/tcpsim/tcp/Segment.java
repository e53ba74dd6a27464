package org.tcpsim.tcp;

import java.util.Arrays;
import java.util.Objects;

/**
 * One TCP segment as the simulator passes it around: the header fields of RFC 9293 section 3.1
 * in decoded form, the options, and the data.
 *
 * <p>Most simulated segments carry only a data length ({@code payload == null}); real bytes are
 * kept only when an application asks for content. When {@code payload} is present its length is
 * {@code dataLength}.
 *
 * <p>Immutable: the payload array is copied on the way in and on the way out ({@link
 * #payload()}), so no caller can change a segment after it was built or traced. {@code equals}
 * and {@code hashCode} compare the payload by content.
 *
 * @param srcPort source port 0..65535
 * @param dstPort destination port 0..65535
 * @param seq SEG.SEQ, raw 32 bits (see {@link SeqNum})
 * @param ack SEG.ACK, raw 32 bits; meaningful only when {@link TcpFlags#ACK} is set, but kept as
 *     sent so that decoding is exact
 * @param flags control bits, {@link TcpFlags} masks, 0..255
 * @param window SEG.WND as it appears in the header (unscaled), 0..65535
 * @param urgentPointer SEG.UP, 0..65535
 * @param options the options, {@link TcpOptions#NONE} when there are none
 * @param dataLength number of data octets, not counting SYN and FIN
 * @param payload the data octets, or null when only the length is simulated
 */
public record Segment(
    int srcPort,
    int dstPort,
    int seq,
    int ack,
    int flags,
    int window,
    int urgentPointer,
    TcpOptions options,
    int dataLength,
    byte[] payload) {

  public Segment {
    checkU16("source port", srcPort);
    checkU16("destination port", dstPort);
    TcpFlags.checkRange(flags);
    checkU16("window", window);
    checkU16("urgent pointer", urgentPointer);
    Objects.requireNonNull(options, "options");
    if (dataLength < 0) {
      throw new IllegalArgumentException("data length must be >= 0, got " + dataLength);
    }
    if (payload != null) {
      if (payload.length != dataLength) {
        throw new IllegalArgumentException(
            "payload has " + payload.length + " octets but data length is " + dataLength);
      }
      payload = payload.clone();
    }
  }

  /** A new builder; every field starts at 0, options at {@link TcpOptions#NONE}, no payload. */
  public static Builder builder() {
    return new Builder();
  }

  /** A copy of the payload, or null when only the length is simulated. */
  @Override
  public byte[] payload() {
    return payload == null ? null : payload.clone();
  }

  public boolean hasPayload() {
    return payload != null;
  }

  /** Whether {@code flag} (a {@link TcpFlags} mask; all of its bits if several) is set. */
  public boolean has(int flag) {
    return (flags & flag) == flag;
  }

  /**
   * SEG.LEN: the sequence space the segment occupies, data octets plus one each for SYN and FIN
   * (RFC 9293 3.4: "SEG.LEN = the number of octets occupied by the data in the segment (counting
   * SYN and FIN)").
   */
  public int segLen() {
    return dataLength + (has(TcpFlags.SYN) ? 1 : 0) + (has(TcpFlags.FIN) ? 1 : 0);
  }

  /**
   * SEG.SEQ+SEG.LEN-1, the last sequence number the segment occupies (RFC 9293 3.4). For a
   * segment with SEG.LEN = 0 (a bare ACK) this is {@code seq - 1}: it occupies no sequence number.
   */
  public int lastSeq() {
    return SeqNum.add(seq, (long) segLen() - 1);
  }

  /**
   * For people: {@code SYN,ACK seq=300 ack=101 len=0 win=1000}, with unsigned values, {@code ack}
   * only when ACK is set, {@code urp} only when URG is set, and the options in angle brackets when
   * there are any. {@code len} counts data octets only, as in the JSON trace.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(64);
    sb.append(TcpFlags.join(flags)).append(" seq=").append(SeqNum.format(seq));
    if (has(TcpFlags.ACK)) {
      sb.append(" ack=").append(SeqNum.format(ack));
    }
    sb.append(" len=").append(dataLength).append(" win=").append(window);
    if (has(TcpFlags.URG)) {
      sb.append(" urp=").append(urgentPointer);
    }
    if (!options.equals(TcpOptions.NONE)) {
      sb.append(" <").append(options).append('>');
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Segment s
        && srcPort == s.srcPort
        && dstPort == s.dstPort
        && seq == s.seq
        && ack == s.ack
        && flags == s.flags
        && window == s.window
        && urgentPointer == s.urgentPointer
        && dataLength == s.dataLength
        && options.equals(s.options)
        && Arrays.equals(payload, s.payload);
  }

  @Override
  public int hashCode() {
    int h =
        Objects.hash(srcPort, dstPort, seq, ack, flags, window, urgentPointer, options, dataLength);
    return 31 * h + Arrays.hashCode(payload);
  }

  private static void checkU16(String what, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(what + " must be 0..65535, got " + value);
    }
  }

  /** Builds a {@link Segment} field by field; validation happens in {@link #build()}. */
  public static final class Builder {
    private int srcPort;
    private int dstPort;
    private int seq;
    private int ack;
    private int flags;
    private int window;
    private int urgentPointer;
    private TcpOptions options = TcpOptions.NONE;
    private int dataLength;
    private byte[] payload;

    private Builder() {}

    public Builder ports(int srcPort, int dstPort) {
      this.srcPort = srcPort;
      this.dstPort = dstPort;
      return this;
    }

    public Builder seq(int seq) {
      this.seq = seq;
      return this;
    }

    /** Sets SEG.ACK and the ACK flag together, since one is meaningless without the other. */
    public Builder ack(int ack) {
      this.ack = ack;
      this.flags |= TcpFlags.ACK;
      return this;
    }

    /** Adds {@code flags} to the flags already set. */
    public Builder flags(int flags) {
      this.flags |= flags;
      return this;
    }

    public Builder window(int window) {
      this.window = window;
      return this;
    }

    public Builder urgentPointer(int urgentPointer) {
      this.urgentPointer = urgentPointer;
      return this;
    }

    public Builder options(TcpOptions options) {
      this.options = options;
      return this;
    }

    /** Simulated data: {@code length} octets without content. */
    public Builder dataLength(int length) {
      this.dataLength = length;
      this.payload = null;
      return this;
    }

    /** Real data; also sets the data length. The array is copied by {@link #build()}. */
    public Builder payload(byte[] payload) {
      this.payload = payload;
      this.dataLength = payload.length;
      return this;
    }

    public Segment build() {
      return new Segment(
          srcPort, dstPort, seq, ack, flags, window, urgentPointer, options, dataLength, payload);
    }
  }
}
