package org.tcpsim.scenario.load;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The deepest nesting of lists and maps the loader reads (README "YAML notes"). SnakeYAML Engine's
 * composer recurses once per level and its {@code LoadSettings} (3.2) has no depth setting, so a
 * few kilobytes of {@code [[[[...} overflowed the stack. This parser passes the engine's events
 * through and refuses the one that opens level {@link #MAX_DEPTH} + 1, before the composer
 * recurses into it; the loader's own walks over the tree ({@link Yaml#copyChecked}) check the same
 * limit where aliases make a tree deeper than its text.
 */
final class NestingLimit implements Parser {
  /** Far beyond any scenario (the deepest key path is about 6) and far below a stack's reach. */
  static final int MAX_DEPTH = 64;

  static final String PROBLEM = "lists and maps nested more than " + MAX_DEPTH + " deep";
  static final String EXPECTED = "at most " + MAX_DEPTH + " levels of nesting";

  /** Thrown at the start of the list or map that is one level too deep. */
  static final class TooDeep extends RuntimeException {
    final transient Optional<Mark> mark;

    TooDeep(Optional<Mark> mark) {
      super(PROBLEM, null, false, false);
      this.mark = mark;
    }
  }

  private final Parser parser;
  private int depth;

  NestingLimit(Parser parser) {
    this.parser = parser;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  /** The composer takes every event through here, so each level is counted as it opens. */
  @Override
  public Event next() {
    Event e = parser.next();
    switch (e.getEventId()) {
      case SequenceStart, MappingStart -> {
        if (++depth > MAX_DEPTH) {
          throw new TooDeep(e.getStartMark());
        }
      }
      case SequenceEnd, MappingEnd -> depth--;
      default -> { }
    }
    return e;
  }
}
