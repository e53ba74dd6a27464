package org.tcpsim.tcp;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ARCHITECTURE.md's state diagram and transition table, written from {@link Transition} so that
 * the document cannot drift from the code: a test compares the two, and {@link #main} prints the
 * text to paste between the document's markers.
 */
public final class TransitionDiagram {
  /** The line before the generated text in ARCHITECTURE.md. */
  public static final String BEGIN = "<!-- generated from Transition: begin -->";
  /** The line after it. */
  public static final String END = "<!-- generated from Transition: end -->";

  private TransitionDiagram() {}

  /** A Mermaid state diagram with one arrow per (from-state, transition), then the table. */
  public static String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("```mermaid\nstateDiagram-v2\n");
    for (TcpState s : TcpState.values()) {
      b.append("  state \"").append(s).append("\" as ").append(s.name()).append('\n');
    }
    b.append("  [*] --> CLOSED\n");
    // One arrow per pair of states, naming every transition between them: Mermaid draws each
    // arrow apart, and a pair with three arrows cannot be read.
    Map<String, List<String>> arrows = new LinkedHashMap<>();
    for (Transition t : Transition.values()) {
      for (TcpState from : EnumSet.copyOf(t.from())) {
        arrows.computeIfAbsent(from.name() + " --> " + t.to().name(), k -> new ArrayList<>())
            .add(label(t));
      }
    }
    arrows.forEach((arrow, labels) ->
        b.append("  ").append(arrow).append(" : ").append(String.join(", ", labels)).append('\n'));
    b.append("```\n\n");
    b.append("| transition | from | to | cause in the trace |\n");
    b.append("|---|---|---|---|\n");
    for (Transition t : Transition.values()) {
      b.append("| `").append(t.name()).append("` | ");
      b.append(String.join(", ", EnumSet.copyOf(t.from()).stream().map(TcpState::toString).toList()));
      b.append(" | ").append(t.to()).append(" | `").append(t.cause()).append("` |\n");
    }
    return b.toString();
  }

  /** {@code SYN_ACK_IN_SYN_SENT} as {@code syn ack in syn sent}. */
  static String label(Transition t) {
    return t.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Prints {@link #markdown()} between the markers. */
  public static void main(String[] args) {
    System.out.print(BEGIN + "\n" + markdown() + END + "\n");
  }
}
