package org.tcpsim.scenario.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command accepts, for {@link Args#parse} and for {@code --help}: its name, a description
 * (paragraphs; the first sentence of the first is the one-line summary in {@code tcpsim --help}),
 * its options, and its positional parameters (a label such as FILE, between {@code min} and
 * {@code max} of them). Every command also takes {@code -h, --help} and {@code -V, --version}.
 */
record CommandSpec(String name, List<String> description, List<OptionSpec> options,
    String parameterLabel, int minParameters, int maxParameters, String parameterDescription) {

  static final int MANY = Integer.MAX_VALUE;
  static final OptionSpec HELP = OptionSpec.flag("-h", "--help", "Show this help and exit.");
  static final OptionSpec VERSION =
      OptionSpec.flag("-V", "--version", "Print the version and exit.");

  CommandSpec {
    List<OptionSpec> all = new ArrayList<>(options);
    all.add(HELP);
    all.add(VERSION);
    options = List.copyOf(all);
    description = List.copyOf(description);
  }

  /** A command without positional parameters. */
  static CommandSpec of(String name, List<String> description, List<OptionSpec> options) {
    return new CommandSpec(name, description, options, null, 0, 0, null);
  }

  OptionSpec option(String name) {
    for (OptionSpec o : options) {
      if (o.names().contains(name)) {
        return o;
      }
    }
    return null;
  }

  List<String> optionNames() {
    List<String> names = new ArrayList<>();
    options.forEach(o -> names.addAll(o.names()));
    return names;
  }

  /** The first sentence of the description. */
  String summary() {
    String first = description.isEmpty() ? "" : description.get(0);
    int end = first.indexOf(". ");
    return end < 0 ? first : first.substring(0, end + 1);
  }
}
