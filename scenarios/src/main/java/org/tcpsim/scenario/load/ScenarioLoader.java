package org.tcpsim.scenario.load;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.tcpsim.scenario.model.Loc;
import org.tcpsim.scenario.model.Scenario;
import org.tcpsim.scenario.model.Sweep;

/**
 * Loads scenario files: YAML to a node tree (with line and column on every node), {@code --set}
 * overrides applied to the tree, then bound to the {@link Scenario} records and checked. Any
 * problem, in the file or in a {@code --set}, is a {@link ScenarioException} listing every
 * problem found with its {@code file:line:col}; bad input never gives another exception.
 *
 * <p>A {@code sweep:}'s values are checked too: each is tried in place of the key it varies, so
 * {@code vary: { hosts.B.tcp.backlog: [16, 0] }} reports the {@code 0} at its own line and
 * column.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /**
   * Reads and loads a file.
   *
   * @param sets {@code KEY=VALUE} overrides, applied in order
   */
  public static Scenario load(Path file, List<String> sets) throws ScenarioException {
    return parse(read(file), file.toString(), sets);
  }

  /** The file's text; a file that cannot be read is a {@link ScenarioException}. */
  public static String read(Path file) throws ScenarioException {
    String name = file.toString();
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw unreadable(name, "no such file");
    } catch (MalformedInputException e) {
      throw unreadable(name, "not UTF-8 text");
    } catch (IOException e) {
      throw unreadable(name, e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  /**
   * A scenario and the scenario at each point of its sweep's grid.
   *
   * @param scenario the scenario with {@code --set} and {@code --vary} applied; its sweep is
   *     present (with no dimensions when the file has none)
   * @param points the scenario at each grid point, in {@link Sweep#points()} order; each is
   *     built when read (and again when read again), so that a grid of any size holds only its
   *     dimensions (README "Experiments")
   */
  public record Grid(Scenario scenario, Sweep sweep, List<Scenario> points) {}

  /**
   * Loads scenario text for a sweep: {@code --set} overrides, then {@code --vary KEY=VALUES}
   * (each adds or replaces one dimension of {@code sweep.vary}; VALUES is a comma-separated list,
   * or YAML such as {@code [1s, 2s]} or {@code {from: 16, to: 1024, times: 2}}; the KEY {@code
   * zip} takes a map of keys varied together), then every grid point is bound and checked, so a
   * combination of values that cannot run is reported before anything runs.
   */
  public static Grid parseGrid(String text, String fileName, List<String> sets,
      List<String> varies) throws ScenarioException {
    Errors errors = new Errors();
    MappingNode root = composeRoot(text, fileName, sets, errors);
    errors.throwIfAny();
    for (String vary : varies) {
      SweepOverrides.vary(root, vary, errors);
    }
    errors.throwIfAny();
    Binder binder = new Binder(errors);
    Scenario scenario = binder.bind(root);
    if (errors.isEmpty()) {
      trySweep(root, binder.sweepTrials(), errors);
    }
    errors.throwIfAny();
    Sweep sweep = scenario.sweep().orElseGet(() -> new Sweep(List.of(), 1, List.of(), List.of(),
        new Loc(fileName, 1, 1)));
    checkSize(sweep, errors);
    errors.throwIfAny();
    GridPoints points = new GridPoints(root, sweep);
    points.check(errors);
    errors.throwIfAny();
    return new Grid(scenario, sweep, points);
  }

  /**
   * Loads scenario text.
   *
   * @param fileName names the source in messages
   * @param sets {@code KEY=VALUE} overrides, applied in order
   */
  public static Scenario parse(String text, String fileName, List<String> sets)
      throws ScenarioException {
    Errors errors = new Errors();
    Optional<Node> composed = Yaml.compose(text, fileName, errors);
    errors.throwIfAny();
    if (composed.isEmpty()) {
      errors.add(new Loc(fileName, 1, 1), "", "the file has no scenario",
          "a map of keys such as name, hosts, links");
      errors.throwIfAny();
    }
    Node root = Yaml.copyChecked(composed.get(), "", errors);
    if (root instanceof MappingNode map) {
      for (String set : sets) {
        Overrides.apply(map, set, errors);
      }
    }
    Binder binder = new Binder(errors);
    Scenario scenario = binder.bind(root);
    if (errors.isEmpty() && root instanceof MappingNode map) {
      trySweep(map, binder.sweepTrials(), errors);
    }
    errors.throwIfAny();
    return scenario;
  }

  /** The file's root map with {@code --set} applied; a root that is not a map is an error. */
  private static MappingNode composeRoot(String text, String fileName, List<String> sets,
      Errors errors) throws ScenarioException {
    Optional<Node> composed = Yaml.compose(text, fileName, errors);
    errors.throwIfAny();
    if (composed.isEmpty()) {
      errors.add(new Loc(fileName, 1, 1), "", "the file has no scenario",
          "a map of keys such as name, hosts, links");
      errors.throwIfAny();
    }
    Node root = Yaml.copyChecked(composed.get(), "", errors);
    if (!(root instanceof MappingNode map)) {
      // The binder says what is wrong with a root that is not a map.
      new Binder(errors).bind(root);
      errors.throwIfAny();
      throw new IllegalStateException("the binder accepted a root that is not a map");
    }
    for (String set : sets) {
      Overrides.apply(map, set, errors);
    }
    return map;
  }

  /**
   * A grid's points are numbered by an int, and so are its runs (README "Experiments"), so a
   * grid of more points than an int holds is refused where the sweep is written, with its size.
   */
  private static void checkSize(Sweep sweep, Errors errors) {
    long points = sweep.pointCountExact();
    if (points > Integer.MAX_VALUE) {
      List<String> sizes = sweep.dimensions().stream().map(d -> Integer.toString(d.size()))
          .toList();
      String count = points == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE
          : String.format(Locale.ROOT, "%,d", points);
      errors.add(sweep.loc(), "sweep.vary", "the grid has " + count + " points ("
          + String.join(" x ", sizes) + ")",
          String.format(Locale.ROOT, "at most %,d points", Integer.MAX_VALUE));
    }
  }

  /** Binds the scenario once per sweep value, with that value in place. */
  private static void trySweep(MappingNode root, List<SweepVary.Trial> trials, Errors errors) {
    for (SweepVary.Trial trial : trials) {
      for (Node value : trial.values()) {
        Errors scratch = new Errors();
        Node copy = Yaml.copyChecked(root, "", scratch);
        Node v = Yaml.copyChecked(value, trial.key(), scratch);
        if (!Overrides.set((MappingNode) copy, trial.key(), v, Yaml.loc(trial.where()),
            scratch)) {
          errors.addAll(scratch);
          break;
        }
        new Binder(scratch).bind(copy);
        errors.addAll(scratch);
      }
    }
  }

  private static ScenarioException unreadable(String file, String why) {
    return new ScenarioException(List.of(new ScenarioError(file, 0, 0,
        "cannot read the file: " + why + ", expected a readable scenario file")));
  }
}
