package org.tcpsim.scenario.load;

import java.util.Optional;

/** A value that does not parse: what was wrong, what was expected, and maybe a near miss. */
final class BadValue extends Exception {
  private static final long serialVersionUID = 1L;

  final String problem;
  final String expected;
  final transient Optional<String> suggestion;

  /**
   * The value names a host that is not declared. When {@code hosts:} itself could not be read,
   * such problems are not reported: they would only repeat that one.
   */
  boolean unknownHost;

  BadValue(String problem, String expected) {
    this(problem, expected, Optional.empty());
  }

  BadValue(String problem, String expected, Optional<String> suggestion) {
    super(problem, null, false, false);
    this.problem = problem;
    this.expected = expected;
    this.suggestion = suggestion;
  }
}
