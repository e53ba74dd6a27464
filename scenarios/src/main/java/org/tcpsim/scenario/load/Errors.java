package org.tcpsim.scenario.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.tcpsim.scenario.model.Loc;

/** Collects problems so that one pass reports as many independent ones as practical. */
final class Errors {
  /** Enough to fix a file in a few rounds without flooding the terminal. */
  static final int MAX = 100;

  private final LinkedHashSet<ScenarioError> errors = new LinkedHashSet<>();

  /** Problems that are real but not shown, because another error already explains them. */
  private int hidden;

  /** Adds {@code PATH: PROBLEM, expected EXPECTED (did you mean 'X'?)} at {@code loc}. */
  void add(Loc loc, String path, String problem, String expected, Optional<String> suggestion) {
    errors.add(ScenarioError.at(loc, message(path, problem, expected, suggestion)));
  }

  void add(Loc loc, String path, String problem, String expected) {
    add(loc, path, problem, expected, Optional.empty());
  }

  void add(Loc loc, String path, BadValue bad) {
    add(loc, path, bad.problem, bad.expected, bad.suggestion);
  }

  /** Counts a problem without showing it (it only repeats one already reported). */
  void addHidden() {
    hidden++;
  }

  void add(ScenarioError e) {
    errors.add(e);
  }

  void addAll(Errors other) {
    errors.addAll(other.errors);
    hidden += other.hidden;
  }

  static String message(String path, String problem, String expected,
      Optional<String> suggestion) {
    StringBuilder sb = new StringBuilder();
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    sb.append(problem);
    if (expected != null && !expected.isEmpty()) {
      sb.append(", expected ").append(expected);
    }
    suggestion.ifPresent(s -> sb.append(" (did you mean '").append(s).append("'?)"));
    return sb.toString();
  }

  boolean isEmpty() {
    return size() == 0;
  }

  /** Shown and hidden problems: what binding compares to know whether an element is good. */
  int size() {
    return errors.size() + hidden;
  }

  /** In source order, at most {@link #MAX}. */
  List<ScenarioError> sorted() {
    List<ScenarioError> out = new ArrayList<>(errors);
    out.sort(ScenarioError.ORDER);
    return out.size() > MAX ? List.copyOf(out.subList(0, MAX)) : List.copyOf(out);
  }

  void throwIfAny() throws ScenarioException {
    if (!errors.isEmpty()) {
      throw new ScenarioException(sorted());
    }
    if (hidden > 0) {
      // Hidden problems always follow a shown one; this would be a bug in the binder.
      throw new IllegalStateException(hidden + " hidden scenario problems without a shown one");
    }
  }
}
