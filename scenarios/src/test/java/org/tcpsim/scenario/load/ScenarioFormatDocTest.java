package org.tcpsim.scenario.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tcpsim.scenario.model.Action;
import org.tcpsim.tcp.Profile;

/** The format document names every key, setting, profile and call the loader accepts. */
class ScenarioFormatDocTest {
  /** The draft lives next to the module; once merged it is the README's section. */
  static String doc() throws Exception {
    for (Path p : List.of(Path.of("../README.md"))) {
      if (Files.exists(p) && Files.readString(p).contains("`syn-cookies`")) {
        return Files.readString(p);
      }
    }
    throw new AssertionError("no scenario format documentation found");
  }

  static void keys(Shape shape, Set<String> out) {
    if (shape instanceof Shape.Fields f) {
      out.addAll(f.fields().keySet());
      f.fields().values().forEach(s -> keys(s, out));
      f.directions().ifPresent(s -> keys(s, out));
    } else if (shape instanceof Shape.ListOf l) {
      keys(l.element(), out);
    } else if (shape instanceof Shape.Named n) {
      keys(n.value(), out);
    }
  }

  @Test
  void everyKeyIsDocumented() throws Exception {
    String doc = doc();
    Set<String> names = new LinkedHashSet<>();
    keys(Schema.ROOT, names);
    names.addAll(Profile.names());
    names.addAll(org.tcpsim.tcp.cc.CongestionAlgorithm.names());
    for (Action.Call c : Action.Call.values()) {
      names.add(c.key());
    }
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      if (!doc.contains("`" + n + "`") && !doc.contains("`\"" + n + "\"`")) {
        missing.add(n);
      }
    }
    assertThat(missing).isEmpty();
  }
}
