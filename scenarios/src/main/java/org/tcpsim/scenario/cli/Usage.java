package org.tcpsim.scenario.cli;

import java.util.ArrayList;
import java.util.List;

/** The text of {@code --help}: a synopsis, the description, then parameters and options. */
final class Usage {
  private static final int WIDTH = 80;
  private static final int MAX_LEFT = 28;

  private Usage() {}

  /** {@code tcpsim COMMAND --help}. */
  static String of(CommandSpec spec) {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: tcpsim ").append(spec.name()).append(" [OPTIONS]");
    String params = synopsis(spec);
    if (!params.isEmpty()) {
      sb.append(' ').append(params);
    }
    sb.append('\n');
    spec.description().forEach(p -> wrap(sb, "", p));
    List<String[]> rows = new ArrayList<>();
    if (spec.maxParameters() > 0) {
      rows.add(new String[] {"  " + spec.parameterLabel(), spec.parameterDescription()});
      table(sb, "Parameters:", rows);
      rows.clear();
    }
    for (OptionSpec o : spec.options()) {
      String names = o.names().size() > 1 ? String.join(", ", o.names()) : "    " + o.key();
      rows.add(new String[] {"  " + names + (o.takesValue() ? "=" + o.label() : ""),
          o.description()});
    }
    table(sb, "Options:", rows);
    return sb.toString();
  }

  /** {@code tcpsim --help}: what the program is and its commands. */
  static String top(String description, List<CommandSpec> commands) {
    StringBuilder sb = new StringBuilder("Usage: tcpsim [-hV] COMMAND [OPTIONS]\n");
    wrap(sb, "", description);
    table(sb, "Options:", List.of(
        new String[] {"  -h, --help", CommandSpec.HELP.description()},
        new String[] {"  -V, --version", CommandSpec.VERSION.description()}));
    List<String[]> rows = new ArrayList<>();
    commands.forEach(c -> rows.add(new String[] {"  " + c.name(), c.summary()}));
    table(sb, "Commands:", rows);
    sb.append("\nRun 'tcpsim COMMAND --help' for a command's options.\n");
    return sb.toString();
  }

  private static String synopsis(CommandSpec spec) {
    String label = spec.parameterLabel();
    if (spec.maxParameters() == 0) {
      return "";
    }
    String one = spec.maxParameters() == 1 ? label : label + "...";
    return spec.minParameters() == 0 ? "[" + one + "]" : one;
  }

  private static void table(StringBuilder sb, String heading, List<String[]> rows) {
    sb.append('\n').append(heading).append('\n');
    int left = 0;
    for (String[] r : rows) {
      left = Math.max(left, r[0].length());
    }
    left = Math.min(left, MAX_LEFT) + 2;
    String indent = " ".repeat(left);
    for (String[] r : rows) {
      if (r[0].length() + 2 > left) {
        sb.append(r[0]).append('\n');
        wrap(sb, indent, r[1]);
      } else {
        StringBuilder first = new StringBuilder(r[0]);
        first.append(" ".repeat(left - r[0].length()));
        wrapAfter(sb, first.toString(), indent, r[1]);
      }
    }
  }

  private static void wrap(StringBuilder sb, String indent, String text) {
    wrapAfter(sb, indent, indent, text);
  }

  /** Fills lines of at most {@link #WIDTH} columns; the first starts with {@code first}. */
  private static void wrapAfter(StringBuilder sb, String first, String indent, String text) {
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String word : text.split(" +")) {
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        sb.append(line).append('\n');
        line.setLength(0);
        line.append(indent);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    sb.append(line).append('\n');
  }
}
