package org.tcpsim.scenario.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads back what {@link PcapFile} writes, checking the global header on the way: little-endian
 * nanosecond magic, version 2.4, snaplen 262144, LINKTYPE_RAW, and records that are never cut.
 */
final class PcapReader {
  /** One record: its timestamp in nanoseconds and the IPv4 packet. */
  record Record(long time, byte[] packet) {}

  private PcapReader() {}

  static List<Record> read(byte[] file) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    // The magic as it lies in the file: little-endian 0xA1B23C4D.
    assertThat(Arrays.copyOf(file, 4)).containsExactly(0x4D, 0x3C, 0xB2, 0xA1);
    assertThat(b.getInt()).isEqualTo(0xA1B23C4D);
    assertThat(b.getShort()).as("version major").isEqualTo((short) 2);
    assertThat(b.getShort()).as("version minor").isEqualTo((short) 4);
    assertThat(b.getInt()).as("thiszone").isZero();
    assertThat(b.getInt()).as("sigfigs").isZero();
    assertThat(b.getInt()).as("snaplen").isEqualTo(262_144);
    assertThat(b.getInt()).as("link type").isEqualTo(101);
    List<Record> records = new ArrayList<>();
    while (b.hasRemaining()) {
      assertThat(b.remaining()).as("record header").isGreaterThanOrEqualTo(16);
      long sec = Integer.toUnsignedLong(b.getInt());
      long nsec = Integer.toUnsignedLong(b.getInt());
      int incl = b.getInt();
      int orig = b.getInt();
      assertThat(nsec).as("ts_nsec").isLessThan(1_000_000_000L);
      assertThat(incl).as("incl_len").isEqualTo(orig);
      byte[] packet = new byte[incl];
      b.get(packet);
      records.add(new Record(sec * 1_000_000_000L + nsec, packet));
    }
    return records;
  }
}
