package org.tcpsim.scenario.load;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.tcpsim.scenario.model.Loc;
import org.tcpsim.scenario.model.Scenario;

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
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw unreadable(name, "no such file");
    } catch (MalformedInputException e) {
      throw unreadable(name, "not UTF-8 text");
    } catch (IOException e) {
      throw unreadable(name, e.getClass().getSimpleName() + " " + e.getMessage());
    }
    return parse(text, name, sets);
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

  /** Binds the scenario once per sweep value, with that value in place. */
  private static void trySweep(MappingNode root, List<Binder.SweepTrial> trials, Errors errors) {
    for (Binder.SweepTrial trial : trials) {
      for (Node value : trial.values()) {
        Errors scratch = new Errors();
        Node copy = Yaml.copyChecked(root, "", scratch);
        Node v = Yaml.copyChecked(value, trial.path(), scratch);
        if (!Overrides.set((MappingNode) copy, trial.path(), v, trial.where(), scratch)) {
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
