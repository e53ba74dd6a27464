package org.tcpsim.scenario.output;

/**
 * One column of an aligned text table that is written line by line and cannot be laid out in
 * advance: it starts at a minimum width and widens for good when a longer value comes, so lines
 * stay aligned from there on without buffering the whole trace.
 */
final class Column {
  private int width;

  Column(int minWidth) {
    this.width = minWidth;
  }

  int width() {
    return width;
  }

  /** Appends {@code text} padded on the right to the column's width. */
  void left(StringBuilder sb, CharSequence text) {
    sb.append(text);
    pad(sb, text.length());
  }

  /** Appends {@code text} padded on the left to the column's width. */
  void right(StringBuilder sb, CharSequence text) {
    grow(text.length());
    spaces(sb, width - text.length());
    sb.append(text);
  }

  /** Appends what {@code sb} got since {@code start} padded to the column's width. */
  void padFrom(StringBuilder sb, int start) {
    pad(sb, sb.length() - start);
  }

  private void pad(StringBuilder sb, int length) {
    grow(length);
    spaces(sb, width - length);
  }

  private void grow(int length) {
    if (length > width) {
      width = length;
    }
  }

  static void spaces(StringBuilder sb, int n) {
    for (int i = 0; i < n; i++) {
      sb.append(' ');
    }
  }
}
