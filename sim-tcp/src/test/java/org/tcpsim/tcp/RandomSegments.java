package org.tcpsim.tcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random but valid segments and options for property tests, drawn from a seeded Random. */
final class RandomSegments {
  private final Random random;

  RandomSegments(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  /** Options with each kind present or not at random, within the 40-octet option space. */
  TcpOptions options() {
    while (true) {
      int mss = random.nextBoolean() ? random.nextInt(0x10000) : -1;
      int ws = random.nextBoolean() ? random.nextInt(TcpOptions.MAX_WINDOW_SCALE + 1) : -1;
      boolean sackOk = random.nextBoolean();
      boolean ts = random.nextBoolean();
      List<SackBlock> blocks = new ArrayList<>();
      int n = random.nextInt(TcpOptions.MAX_SACK_BLOCKS + 1);
      for (int i = 0; i < n; i++) {
        blocks.add(new SackBlock(random.nextInt(), random.nextInt()));
      }
      int tsVal = ts ? random.nextInt() : 0;
      int tsEcr = ts ? random.nextInt() : 0;
      try {
        return new TcpOptions(mss, ws, sackOk, blocks, ts, tsVal, tsEcr);
      } catch (IllegalArgumentException tooLong) {
        // More than 40 octets: draw again; roughly half of all draws fit.
      }
    }
  }

  /** A segment with random fields; options and real payload each present about half the time. */
  Segment segment() {
    int dataLength = random.nextInt(4) == 0 ? 0 : random.nextInt(1500);
    byte[] payload = null;
    if (random.nextBoolean()) {
      payload = new byte[dataLength];
      random.nextBytes(payload);
    }
    return new Segment(
        random.nextInt(0x10000),
        random.nextInt(0x10000),
        random.nextInt(),
        random.nextInt(),
        random.nextInt(0x100),
        random.nextInt(0x10000),
        random.nextInt(0x10000),
        random.nextBoolean() ? options() : TcpOptions.NONE,
        dataLength,
        payload);
  }
}
