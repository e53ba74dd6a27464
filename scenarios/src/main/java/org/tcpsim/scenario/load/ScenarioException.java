package org.tcpsim.scenario.load;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario could not be loaded: bad YAML, bad keys or values, or a bad {@code --set}. Carries
 * every problem found, in file order; the message is one problem per line, ready for the user
 * (exit status 2), never a stack trace.
 */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ScenarioError> errors;

  public ScenarioException(List<ScenarioError> errors) {
    super(errors.stream().map(ScenarioError::toString).collect(Collectors.joining("\n")), null,
        false, false);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public List<ScenarioError> errors() {
    return errors;
  }
}
