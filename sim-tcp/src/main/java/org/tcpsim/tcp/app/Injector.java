package org.tcpsim.tcp.app;

import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.TcpStack;

/**
 * The raw segment injector: puts one crafted segment (any flags, seq, ack, window, length; any
 * source address) on the wire from a host at a given time, as packetdrill would. Traced as
 * injected.
 */
public final class Injector {
  private Injector() {}

  public static void at(TcpStack via, long time, Endpoint src, Endpoint dst, Segment segment) {
    via.simulator().scheduleAt(time, () -> via.inject(src, dst, segment, "injected by the scenario"));
  }
}
