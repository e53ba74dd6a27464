package org.tcpsim.scenario.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of scenario files: which keys each map has and what lies under them. The binder
 * takes its lists of valid keys (for "unknown key" and "did you mean") from here, and {@code
 * --set} walks its paths through it, so there is one list of keys per element. What values are
 * valid is the binder's business.
 */
sealed interface Shape {
  /** A value: a scalar, or anything the binder reads as a whole. */
  record Leaf() implements Shape {}

  /** A list whose entries all have the same shape; paths index it from 0. */
  record ListOf(Shape element) implements Shape {}

  /** A map from user-chosen names (hosts) to values of one shape. */
  record Named(String what, Shape value) implements Shape {}

  /**
   * A map with fixed keys. {@code directions}, when present, is the shape of the extra keys
   * written {@code X>Y} (a link's per-direction overrides).
   */
  record Fields(String what, Map<String, Shape> fields, Optional<Shape> directions)
      implements Shape {
    public Fields {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    Optional<Shape> field(String key) {
      Shape s = fields.get(key);
      if (s != null) {
        return Optional.of(s);
      }
      return isDirection(key) ? directions : Optional.empty();
    }

    boolean isDirection(String key) {
      return directions.isPresent() && key.contains(">");
    }
  }

  Leaf LEAF = new Leaf();

  /** Starts a {@link Fields} shape. */
  static Builder fields(String what) {
    return new Builder(what);
  }

  final class Builder {
    private final String what;
    private final LinkedHashMap<String, Shape> fields = new LinkedHashMap<>();
    private Optional<Shape> directions = Optional.empty();

    private Builder(String what) {
      this.what = what;
    }

    Builder leaves(String... keys) {
      for (String k : keys) {
        fields.put(k, LEAF);
      }
      return this;
    }

    Builder with(String key, Shape shape) {
      fields.put(key, shape);
      return this;
    }

    Builder directions(Shape shape) {
      directions = Optional.of(shape);
      return this;
    }

    Fields build() {
      return new Fields(what, fields, directions);
    }
  }
}
