package org.tcpsim.bench;

import java.util.function.Consumer;
import org.tcpsim.core.net.Packet;
import org.tcpsim.tcp.Segment;

/** The wire of a benchmark's lone TCP: keeps the last segment sent and counts them. */
final class Wire implements Consumer<Packet> {
  Packet last;
  long packets;

  @Override
  public void accept(Packet p) {
    last = p;
    packets++;
  }

  Segment lastSegment() {
    return (Segment) last.payload();
  }
}
