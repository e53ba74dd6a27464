package org.tcpsim.tcp.isn;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Against Guava's SipHash-2-4, the implementation used before (so ISNs and cookies are unchanged). */
class SipHash24Test {
  @Test
  void givesGuavasValueForRandomMessagesOfIntsAndLongs() {
    SplittableRandom rnd = new SplittableRandom(6528);
    for (int trial = 0; trial < 2000; trial++) {
      long k0 = rnd.nextLong();
      long k1 = rnd.nextLong();
      SipHash24 ours = new SipHash24(k0, k1);
      // Reuse the same instance for several messages, as a TCP does.
      for (int msg = 0; msg < 3; msg++) {
        Hasher theirs = Hashing.sipHash24(k0, k1).newHasher();
        ours.start();
        int words = rnd.nextInt(12);
        for (int w = 0; w < words; w++) {
          if (rnd.nextBoolean()) {
            int x = rnd.nextInt();
            ours.putInt(x);
            theirs.putInt(x);
          } else {
            long x = rnd.nextLong();
            ours.putLong(x);
            theirs.putLong(x);
          }
        }
        assertThat(ours.finish()).isEqualTo(theirs.hash().asLong());
      }
    }
  }
}
