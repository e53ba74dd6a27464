package org.tcpsim.scenario.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bundled scenarios: the files of {@code scenarios/library/} in the source tree, packaged in
 * the jar under {@code library/} with an {@code index.txt} naming them, so {@code tcpsim run
 * NAME} and {@code tcpsim list} work from anywhere.
 */
final class Library {
  private Library() {}

  /** The bundled file names ({@code rfc9293-figure-6.yaml}, ...) in index order. */
  static List<String> names() {
    String index = read("index.txt").orElse("");
    List<String> out = new ArrayList<>();
    for (String line : index.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        out.add(t);
      }
    }
    return out;
  }

  /** The text of a bundled scenario by file name or by name without {@code .yaml}. */
  static Optional<String> text(String name) {
    String file = name.endsWith(".yaml") ? name : name + ".yaml";
    if (!names().contains(file)) {
      return Optional.empty();
    }
    return read(file);
  }

  private static Optional<String> read(String file) {
    try (InputStream in = Library.class.getResourceAsStream("/library/" + file)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
