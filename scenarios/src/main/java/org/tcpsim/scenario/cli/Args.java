package org.tcpsim.scenario.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcpsim.scenario.load.Suggest;

/**
 * A command's words, parsed against its {@link CommandSpec}: {@code --name VALUE} and
 * {@code --name=VALUE}, flags, positional parameters in any order among the options, and
 * {@code --} after which every word is a parameter. A value may start with '-' ({@code --trace -}).
 *
 * <p>Hand-written rather than picocli: picocli's reflection over annotations took about 0.27 s of
 * every start, a third of a short run (issue 6; README, Performance).
 */
final class Args {
  private final CommandSpec spec;
  private final List<String> words;
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<String> parameters = new ArrayList<>();

  private Args(CommandSpec spec, List<String> words) {
    this.spec = spec;
    this.words = List.copyOf(words);
  }

  /**
   * Parses {@code words} (the command line after the command's name). The parameter count is
   * not checked when {@code --help} or {@code --version} is given, so that they always work.
   */
  static Args parse(CommandSpec spec, List<String> words) throws UsageException {
    Args a = new Args(spec, words);
    boolean onlyParameters = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (onlyParameters || !w.startsWith("-") || w.equals("-")) {
        a.parameters.add(w);
        continue;
      }
      if (w.equals("--")) {
        onlyParameters = true;
        continue;
      }
      int eq = w.startsWith("--") ? w.indexOf('=') : -1;
      String name = eq < 0 ? w : w.substring(0, eq);
      OptionSpec o = spec.option(name);
      if (o == null) {
        throw a.error("Unknown option: '" + name + "'"
            + Suggest.closest(name, spec.optionNames()).map(s -> "; did you mean '" + s + "'?")
                .orElse(""));
      }
      String value;
      if (!o.takesValue()) {
        if (eq >= 0) {
          throw a.error("Option '" + name + "' takes no value, got '" + w.substring(eq + 1) + "'");
        }
        value = "";
      } else if (eq >= 0) {
        value = w.substring(eq + 1);
      } else if (i + 1 < words.size()) {
        value = words.get(++i);
      } else {
        throw a.error("Missing value for option " + o.quoted());
      }
      List<String> given = a.values.computeIfAbsent(o.key(), k -> new ArrayList<>());
      if (!given.isEmpty() && !o.repeatable()) {
        throw a.error("Option " + o.quoted() + " may be given only once");
      }
      given.add(value);
    }
    if (!a.has("--help") && !a.has("--version")) {
      a.checkParameterCount();
    }
    return a;
  }

  private void checkParameterCount() throws UsageException {
    int n = parameters.size();
    if (n < spec.minParameters()) {
      throw error("Missing required parameter: '" + spec.parameterLabel() + "'");
    }
    if (n > spec.maxParameters()) {
      String extra = parameters.get(spec.maxParameters());
      throw error("Unexpected argument: '" + extra + "' ("
          + (spec.maxParameters() == 0 ? spec.name() + " takes no parameters"
              : spec.name() + " takes " + spec.maxParameters() + " " + spec.parameterLabel())
          + ")");
    }
  }

  UsageException error(String message) {
    return new UsageException(spec.name(), message);
  }

  CommandSpec spec() {
    return spec;
  }

  /**
   * The command as typed, each word quoted for a POSIX shell where needed, e.g.
   * {@code tcpsim sweep 'my file.yaml' --out results}; for the records a result keeps of how it
   * was made.
   */
  String asTyped() {
    StringBuilder sb = new StringBuilder("tcpsim ").append(spec.name());
    words.forEach(w -> sb.append(' ').append(shellQuote(w)));
    return sb.toString();
  }

  static String shellQuote(String s) {
    if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:=,@%+-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  List<String> parameters() {
    return parameters;
  }

  /** The first parameter, or null. */
  String parameter() {
    return parameters.isEmpty() ? null : parameters.get(0);
  }

  boolean has(String option) {
    return values.containsKey(option);
  }

  /** The value of an option given once, or null when it was not given. */
  String value(String option) {
    List<String> v = values.get(option);
    return v == null ? null : v.get(0);
  }

  /** Every value of a repeatable option, in order; empty when it was not given. */
  List<String> values(String option) {
    return new ArrayList<>(values.getOrDefault(option, List.of()));
  }

  Long longValue(String option) throws UsageException {
    String v = value(option);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw invalid(option, v);
    }
  }

  Integer intValue(String option) throws UsageException {
    String v = value(option);
    if (v == null) {
      return null;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw invalid(option, v);
    }
  }

  private UsageException invalid(String option, String v) {
    return error("Invalid value for option " + spec.option(option).quoted() + ": '" + v
        + "' is not a whole number");
  }
}
