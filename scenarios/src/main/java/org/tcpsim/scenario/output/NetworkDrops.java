package org.tcpsim.scenario.output;

import org.tcpsim.core.trace.DropReason;
import org.tcpsim.core.trace.PacketDropped;

/** Words for a packet the network dropped, for the ladder's notes and the trace's {@code why:}. */
final class NetworkDrops {
  private NetworkDrops() {}

  /** A short note for a ladder line: {@code (lost on A-B)}. */
  static String note(PacketDropped d) {
    return switch (d.reason()) {
      case DropReason.LOSS -> "(lost on " + d.where() + ")";
      case DropReason.QUEUE -> "(queue full on " + d.where() + ")";
      case DropReason.RULE -> "(dropped by a rule on " + d.where() + ")";
      case DropReason.HOST_DOWN -> "(" + d.where() + " is down)";
      case DropReason.NO_ROUTE -> "(no route at " + d.where() + ")";
      default -> "(dropped at " + d.where() + ": " + d.reason() + ")";
    };
  }

  /** Why the network dropped it, or null for a reason without an explanation. */
  static String explain(PacketDropped d) {
    String channel = d.channel() != null ? d.channel() : d.where();
    return switch (d.reason()) {
      case DropReason.LOSS -> "the link lost the packet (loss model of " + channel + ")";
      case DropReason.QUEUE -> "the drop-tail queue of " + channel + " was full";
      case DropReason.RULE -> "a scenario rule dropped the packet on " + channel;
      case DropReason.HOST_DOWN -> d.where() + " is down (crashed) and hears nothing";
      case DropReason.NO_ROUTE -> d.where() + " has no route to the destination address";
      case DropReason.NOT_FOR_HOST ->
          "addressed to another host; " + d.where() + " is a host and does not forward";
      default -> null;
    };
  }
}
