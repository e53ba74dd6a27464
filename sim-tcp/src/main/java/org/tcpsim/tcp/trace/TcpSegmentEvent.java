package org.tcpsim.tcp.trace;

import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;

/** A trace event about one segment, with both its ends. */
public sealed interface TcpSegmentEvent extends TraceEvent
    permits SegmentSent, SegmentReceived, SegmentDropped {
  String host();

  Endpoint src();

  Endpoint dst();

  Segment segment();
}
