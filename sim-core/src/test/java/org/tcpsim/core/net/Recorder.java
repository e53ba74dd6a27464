package org.tcpsim.core.net;

import java.util.ArrayList;
import java.util.List;
import org.tcpsim.core.trace.PacketDropped;
import org.tcpsim.core.trace.PacketReceived;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.core.trace.TraceSink;

/** Collects trace events for assertions. */
final class Recorder implements TraceSink {
  final List<TraceEvent> events = new ArrayList<>();

  @Override
  public void accept(TraceEvent e) {
    events.add(e);
  }

  List<PacketReceived> receivedAt(String node) {
    List<PacketReceived> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof PacketReceived r && r.node().equals(node)) {
        out.add(r);
      }
    }
    return out;
  }

  List<PacketDropped> drops(String reason) {
    List<PacketDropped> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof PacketDropped d && d.reason().equals(reason)) {
        out.add(d);
      }
    }
    return out;
  }
}
