package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demultiplexing table's map against {@link HashMap} under random puts, removes and lookups. */
class LongMapTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void behavesAsAMapUnderRandomOperations(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    LongMap<String> table = new LongMap<>();
    Map<Long, String> model = new HashMap<>();
    String[] pool = {"a", "b", "c", "d", "e", "f", "g", "h"};
    // A small key space makes long probe runs, wrap-around and deletions inside runs common.
    long keySpace = 1 + rnd.nextInt(4000);
    for (int op = 0; op < 50_000; op++) {
      long key = rnd.nextLong(keySpace) * 0x1_0001L;
      int what = rnd.nextInt(10);
      if (what < 5) {
        String c = pool[rnd.nextInt(pool.length)];
        table.put(key, c);
        model.put(key, c);
      } else if (what < 8) {
        table.remove(key);
        model.remove(key);
      } else {
        assertThat(table.get(key)).isSameAs(model.get(key));
      }
      assertThat(table.size()).isEqualTo(model.size());
    }
    for (long k = 0; k < keySpace; k++) {
      long key = k * 0x1_0001L;
      assertThat(table.get(key)).isSameAs(model.get(key));
      assertThat(table.containsKey(key)).isEqualTo(model.containsKey(key));
    }
    assertThat(table.values()).hasSize(model.size());
    table.clear();
    assertThat(table.size()).isZero();
    assertThat(table.values()).isEmpty();
  }
}
