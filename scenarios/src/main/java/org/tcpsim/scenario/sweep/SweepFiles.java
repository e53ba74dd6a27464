package org.tcpsim.scenario.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sweep's directory: {@code sweep.json} (the {@link SweepManifest}) and {@code runs/}, one
 * {@code NNNNNN.json} per finished run. Every file is written to a temporary name in the same
 * directory and renamed into place, so a reader (or a resumed sweep) sees a whole file or none,
 * even after {@code kill -9}; a file damaged outside tcpsim is caught by {@link RunFileCheck}.
 */
public final class SweepFiles {
  public static final String MANIFEST = "sweep.json";
  public static final String RUNS = "runs";
  private static final Pattern RUN_FILE = Pattern.compile("\\d{6,}\\.json");

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SweepFiles() {}

  public static ObjectMapper json() {
    return JSON;
  }

  public static Path runFile(Path dir, int run) {
    return dir.resolve(RUNS).resolve(String.format("%06d.json", run));
  }

  /** Writes {@code text} to {@code file} through a temporary file and an atomic rename. */
  public static void writeAtomically(Path file, String text) throws IOException {
    writeAtomically(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Writes {@code content} to {@code file} through a temporary file and an atomic rename. */
  public static void writeAtomically(Path file, byte[] content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
    try {
      Files.write(tmp, content);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void writeRun(Path dir, RunRecord r) throws IOException {
    writeAtomically(runFile(dir, r.run()), toJson(r));
  }

  public static void writeManifest(Path dir, SweepManifest m) throws IOException {
    writeAtomically(dir.resolve(MANIFEST), toJson(m));
  }

  /** The directory's manifest, or empty when it has none. */
  public static Optional<SweepManifest> readManifest(Path dir) throws IOException {
    try {
      return Optional.of(JSON.readValue(dir.resolve(MANIFEST).toFile(), SweepManifest.class));
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Every finished run in the directory, in run order. */
  public static List<RunRecord> readRuns(Path dir) throws IOException {
    List<RunRecord> out = new ArrayList<>();
    Path runs = dir.resolve(RUNS);
    if (!Files.isDirectory(runs)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(runs)) {
      for (Path f : files) {
        if (RUN_FILE.matcher(f.getFileName().toString()).matches()) {
          out.add(JSON.readValue(f.toFile(), RunRecord.class));
        }
      }
    }
    out.sort((a, b) -> Integer.compare(a.run(), b.run()));
    return out;
  }
}
