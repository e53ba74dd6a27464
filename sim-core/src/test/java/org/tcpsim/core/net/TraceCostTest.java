package org.tcpsim.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Time;
import org.tcpsim.core.trace.TraceEvent;

/**
 * With no sink subscribed, publishers build no trace events: a run without a sink allocates less
 * than a run with one by at least the trace events that run kept.
 */
class TraceCostTest {

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  private static long run(boolean withSink, List<TraceEvent> kept) {
    TwoHosts t = new TwoHosts(
        ChannelConfig.of(1_000_000, Time.us(10)).withLoss(0.1).withQueue(QueueLimit.packets(5)));
    if (withSink) {
      t.trace.subscribe(kept::add);
    }
    t.sendEvery(20_000, 100, Time.us(300));
    long before = allocatedBytes();
    t.sim.run();
    return allocatedBytes() - before;
  }

  @Test
  void withoutASinkNoTraceEventIsBuilt() {
    List<TraceEvent> warm = new ArrayList<>();
    run(false, warm);
    run(true, warm);
    List<TraceEvent> kept = new ArrayList<>(100_000);
    long silent = run(false, new ArrayList<>());
    long traced = run(true, kept);
    assertThat(kept.size()).isGreaterThan(40_000);
    // Each kept event is an object of at least 24 bytes that the silent run never made.
    assertThat(traced - silent).isGreaterThanOrEqualTo(24L * kept.size());
  }
}
