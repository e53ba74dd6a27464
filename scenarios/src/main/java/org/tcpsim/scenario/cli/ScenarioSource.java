package org.tcpsim.scenario.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tcpsim.scenario.load.ScenarioError;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.load.ScenarioLoader;

/**
 * A scenario named on the command line: a file, or the name of a bundled scenario when no such
 * file exists ({@code rfc9293-figure-6}); {@code name} is what messages call it ({@code
 * library/rfc9293-figure-6.yaml} for a bundled one).
 */
record ScenarioSource(String name, String text) {
  static ScenarioSource resolve(String file) throws ScenarioException {
    Path p;
    try {
      p = Path.of(file);
    } catch (InvalidPathException e) {
      throw new ScenarioException(List.of(new ScenarioError(file, 0, 0,
          "not a valid path: " + e.getReason() + ", expected a scenario file or the name of a "
              + "bundled scenario (tcpsim list)")));
    }
    if (!Files.exists(p)) {
      Optional<String> bundled = Library.text(file);
      if (bundled.isPresent()) {
        return new ScenarioSource("library/" + (file.endsWith(".yaml") ? file : file + ".yaml"),
            bundled.get());
      }
    }
    return new ScenarioSource(file, ScenarioLoader.read(p));
  }
}
