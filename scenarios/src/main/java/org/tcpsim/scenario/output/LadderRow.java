package org.tcpsim.scenario.output;

import java.util.ArrayList;
import java.util.List;

/**
 * One numbered line of a ladder: a segment leaving one peer and/or reaching the other, or (with
 * no segment) a peer's state change that no segment explains, such as {@code (2 MSL) CLOSED}.
 * Built by {@link LadderBuilder}, which may still change a cell while events of the same instant
 * come in; laid out by {@link LadderLayout}.
 */
final class LadderRow {
  /** What the line shows at one end of the segment. */
  enum Mark {
    /** Left here ({@code -->} at the sender) or arrived here ({@code -->} at the receiver). */
    ARROW,
    /** {@code ...}: still in the network (RFC 9293 3.5: "a segment that is still in the network (delayed)"). */
    DELAYED,
    /** {@code XXX}: the network dropped it. */
    LOST
  }

  final long time;
  /** RFC notation of the segment; null on a line of states only. */
  final String segment;
  /** From peer A to peer B ({@code -->}) rather than B to A ({@code <--}). */
  final boolean rightward;
  final LadderCell a = new LadderCell();
  final LadderCell b = new LadderCell();
  Mark senderMark = Mark.ARROW;
  /** Until the segment arrives or is lost it is in the network. */
  Mark receiverMark = Mark.DELAYED;
  final List<String> notes = new ArrayList<>(1);

  LadderRow(long time, String segment, boolean rightward) {
    this.time = time;
    this.segment = segment;
    this.rightward = rightward;
  }

  LadderCell cell(boolean peerA) {
    return peerA ? a : b;
  }

  /** The mark between peer A's column and the segment. */
  String leftMark() {
    return mark(rightward ? senderMark : receiverMark);
  }

  /** The mark between the segment and peer B's column. */
  String rightMark() {
    return mark(rightward ? receiverMark : senderMark);
  }

  private String mark(Mark m) {
    return switch (m) {
      case ARROW -> rightward ? "-->" : "<--";
      case DELAYED -> "...";
      case LOST -> "XXX";
    };
  }
}
