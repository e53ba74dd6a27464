package org.tcpsim.scenario.output;

/**
 * One peer's column on one ladder line: its state after the event (or a label such as {@code
 * (injected)} where the RFC writes {@code (duplicate)}), and a comment written on the line above,
 * as RFC 9293 Figure 12 writes {@code (Close)} above {@code FIN-WAIT-1}.
 */
final class LadderCell {
  String text;
  String comment;

  boolean isEmpty() {
    return text == null && comment == null;
  }

  void addComment(String c) {
    if (c != null) {
      comment = comment == null ? c : comment + " " + c;
    }
  }
}
