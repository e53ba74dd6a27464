package org.tcpsim.core.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Named, independent random streams for one run.
 *
 * <p>Every random decision in a simulation draws from a stream named after the component and the
 * decision ({@code link/A>B/loss}, {@code host/B/isn}, {@code app/flood-1}). A stream's generator
 * is seeded from a hash of (scenario seed, replication index, stream name) alone, so what one
 * component draws never depends on which other components exist or in what order they were
 * built: adding a link does not change the loss pattern of any other link. Each stream is a
 * XoShiRo256++ generator (period 2^256 - 1) whose 256-bit state is expanded from the hash by
 * SplitMix64, the expansion its authors recommend.
 */
public final class RandomStreams {
  private final long seed;
  private final int replication;

  public RandomStreams(long seed) {
    this(seed, 0);
  }

  public RandomStreams(long seed, int replication) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication index must be >= 0, got " + replication);
    }
    this.seed = seed;
    this.replication = replication;
  }

  public long seed() {
    return seed;
  }

  public int replication() {
    return replication;
  }

  /**
   * A new generator for the named stream, positioned at its start. Two calls with the same name
   * return generators that produce the same sequence; components therefore create their stream
   * once and keep it.
   */
  public UniformRandomProvider stream(String name) {
    // The generator's own constructor, not RandomSource.create: that goes through reflection
    // per call, which the JVM turns into generated code after fifteen streams.
    return new XoShiRo256PlusPlus(stateFor(name));
  }

  /** A 64-bit value derived from the stream name, for keys that are not a generator (SYN cookie secrets). */
  public long key(String name) {
    return stateFor(name)[0];
  }

  long[] stateFor(String name) {
    long h = mix(seed ^ 0x7463707369_6dL);
    h = mix(h ^ (replication * 0x9E3779B97F4A7C15L));
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    h = mix(h ^ bytes.length);
    for (byte b : bytes) {
      h = mix(h ^ (b & 0xff));
    }
    long[] state = new long[4];
    long x = h;
    for (int i = 0; i < 4; i++) {
      x += 0x9E3779B97F4A7C15L;
      state[i] = mix(x);
    }
    return state;
  }

  /** The SplitMix64 finaliser (Stafford's variant 13): a bijective avalanche mix. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
