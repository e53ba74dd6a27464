package org.tcpsim.scenario.output;

import java.util.List;

/**
 * Lays a {@link Ladder} out as RFC 9293 draws its figures (3.5, "The figures should be
 * interpreted in the following way"): numbered lines with a blank line between them, peer A's
 * state on the left, the segment in the middle between two marks, peer B's state on the right,
 * comments in parentheses. Columns are as wide as their widest entry, so every arrow lines up.
 *
 * <pre>
 *       TCP Peer A (10.0.0.1:1024)                               TCP Peer B (10.0.0.2:80)
 *
 *   1.  CLOSED                                                   LISTEN
 *
 *   2.  SYN-SENT    --&gt; &lt;SEQ=100&gt;&lt;CTL=SYN&gt;                   --&gt; SYN-RECEIVED
 * </pre>
 *
 * Notes that the figures do not have (a loss, a discard, a retransmission) come after peer B's
 * column; with the time column on, each line starts with the time of its first event.
 */
final class LadderLayout {
  private static final String GAP = "  ";
  private static final String INDENT = "  ";

  private final Ladder ladder;
  private final boolean showTime;
  private final StringBuilder out;
  private final int numberWidth;
  private final int timeWidth;
  private final int stateWidthA;
  private final int segmentWidth;
  private final int stateWidthB;
  /** From the start of peer A's column to the start of peer B's. */
  private final int toB;

  private LadderLayout(Ladder ladder, boolean showTime, StringBuilder out) {
    this.ladder = ladder;
    this.showTime = showTime;
    this.out = out;
    List<LadderRow> rows = ladder.rows();
    this.numberWidth = Integer.toString(rows.size() + 1).length() + 1;
    int time = "time".length();
    int wa = length(ladder.initialA());
    int ws = 0;
    int wb = length(ladder.initialB());
    for (LadderRow r : rows) {
      wa = Math.max(wa, Math.max(length(r.a.text), length(r.a.comment)));
      wb = Math.max(wb, Math.max(length(r.b.text), length(r.b.comment)));
      ws = Math.max(ws, length(r.segment));
      time = Math.max(time, Seconds.format(r.time).length());
    }
    this.timeWidth = time;
    this.stateWidthA = wa;
    this.segmentWidth = ws;
    this.stateWidthB = wb;
    // "SYN-SENT    --> <SEQ=100><CTL=SYN>    --> SYN-RECEIVED": state, mark, segment, mark.
    this.toB = wa + 1 + 3 + 1 + ws + 1 + 3 + 1;
  }

  /** Appends the ladder's text to {@code out}. */
  static void render(Ladder ladder, boolean showTime, StringBuilder out) {
    new LadderLayout(ladder, showTime, out).render();
  }

  private void render() {
    lead(showTime ? "time" : "", "");
    padTo(ladder.titleA(), Math.max(toB, ladder.titleA().length() + GAP.length()));
    out.append(ladder.titleB());
    endLine();
    out.append('\n');
    lead("", "1.");
    padTo(ladder.initialA(), toB);
    append(ladder.initialB());
    endLine();
    int n = 2;
    for (LadderRow r : ladder.rows()) {
      out.append('\n');
      String number = n++ + ".";
      String time = showTime ? Seconds.format(r.time) : "";
      if (r.a.comment != null || r.b.comment != null) {
        lead(time, number);
        padTo(r.a.comment, toB);
        append(r.b.comment);
        endLine();
        time = "";
        number = "";
      }
      lead(time, number);
      if (r.segment == null) {
        padTo(r.a.text, toB);
      } else {
        padTo(r.a.text, stateWidthA);
        out.append(' ').append(r.leftMark()).append(' ');
        padTo(r.segment, segmentWidth);
        out.append(' ').append(r.rightMark()).append(' ');
      }
      if (r.notes.isEmpty()) {
        append(r.b.text);
      } else {
        padTo(r.b.text, stateWidthB);
        out.append(GAP).append(String.join(" ", r.notes));
      }
      endLine();
    }
  }

  /** The time column (when on) and the line number, right-aligned like the RFC's. */
  private void lead(String time, String number) {
    if (showTime) {
      Column.spaces(out, timeWidth - time.length());
      out.append(time).append(GAP);
    } else {
      out.append(INDENT);
    }
    Column.spaces(out, numberWidth - number.length());
    out.append(number).append(GAP);
  }

  private void padTo(String text, int width) {
    append(text);
    Column.spaces(out, width - length(text));
  }

  private void append(String text) {
    if (text != null) {
      out.append(text);
    }
  }

  /** Ends the line without trailing blanks. */
  private void endLine() {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }
}
