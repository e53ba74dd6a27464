package org.tcpsim.scenario.load;

import java.util.AbstractList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.tcpsim.scenario.model.Scenario;
import org.tcpsim.scenario.model.Sweep;

/**
 * The scenario at each point of a sweep's grid, built when it is read: the file's tree (with
 * {@code --set} and {@code --vary} applied) is copied, the point's assignments are applied to
 * the copy, and the copy is bound. Nothing is kept, so a sweep's memory is its dimensions and
 * one scenario per running thread, whatever its number of points (README "Experiments"); a
 * point built twice is the same scenario, as binding is deterministic.
 *
 * <p>{@link #check} builds every point once before anything runs and reports the ones that
 * cannot run (README "sweep"); once it has passed, {@link #get} does not fail. The tree is only
 * read after construction, so points may be built on several threads at once.
 */
final class GridPoints extends AbstractList<Scenario> {
  private final MappingNode root;
  private final Sweep sweep;
  private final int size;

  GridPoints(MappingNode root, Sweep sweep) {
    this.root = root;
    this.sweep = sweep;
    this.size = sweep.pointCount();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Scenario get(int index) {
    Errors scratch = new Errors();
    Scenario point = build(index, scratch);
    if (!scratch.isEmpty()) {
      throw new IllegalStateException("sweep point " + index + " was checked but does not "
          + "bind: " + scratch.sorted().get(0));
    }
    return point;
  }

  /** Builds every point in order and reports, at the sweep, each problem of each one. */
  void check(Errors errors) {
    for (int i = 0; i < size; i++) {
      Errors scratch = new Errors();
      build(i, scratch);
      if (scratch.isEmpty()) {
        continue;
      }
      List<String> assignments = sweep.point(i);
      for (ScenarioError e : scratch.sorted()) {
        errors.add(new ScenarioError(sweep.loc().file(), sweep.loc().line(), sweep.loc().col(),
            "sweep point " + i + " (" + String.join(", ", assignments) + "): " + e.message()));
      }
      if (errors.size() >= Errors.MAX) {
        break;
      }
    }
  }

  private Scenario build(int index, Errors scratch) {
    MappingNode copy = (MappingNode) Yaml.copyChecked(root, "", scratch);
    for (String a : sweep.point(index)) {
      Overrides.apply(copy, a, scratch);
    }
    return new Binder(scratch).bind(copy);
  }
}
