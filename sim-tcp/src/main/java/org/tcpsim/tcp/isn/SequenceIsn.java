package org.tcpsim.tcp.isn;

import java.util.List;

/**
 * Fixed ISSs taken in turn, one per new connection, the last one repeating: {@code isn:
 * "300,400"} gives the first connection 300 and every later one 400, as RFC 9293 Figure 8's
 * peer B picks a fresh ISS for its second attempt. For teaching only, like {@link FixedIsn}.
 */
public final class SequenceIsn implements IsnGenerator {
  private final int[] values;
  private int next;

  /** @param values unsigned 32-bit ISSs held in {@code int}s; at least one */
  public SequenceIsn(List<Integer> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a sequence of ISSs needs at least one value");
    }
    this.values = values.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public int isn(long now, int localAddr, int localPort, int remoteAddr, int remotePort) {
    int v = values[next];
    if (next < values.length - 1) {
      next++;
    }
    return v;
  }
}
