package org.tcpsim.scenario.sweep;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a file in {@code runs/} is the whole record of the run its name says: what a resumed
 * sweep and collect ask before counting a run as finished (README "Experiments", "Damaged run
 * files"). tcpsim writes run files atomically, so a damaged one was damaged outside it: a disk
 * that filled up, a copy between machines cut short (README "Shards"), an editor. A resumed
 * sweep sets such a file aside and runs its run again, which gives the same bytes an undamaged
 * sweep wrote, since a run depends only on its number; collect skips it.
 */
public final class RunFileCheck {
  /** What a damaged file's name gets when set aside: {@code 000100.json.damaged}. */
  public static final String SET_ASIDE_SUFFIX = ".damaged";

  /**
   * Stricter than {@link SweepFiles#json()}: tcpsim writes every field, so a field missing or
   * null (as in {@code {}}, which would otherwise read as run 0) or anything after the record
   * means the file is not one tcpsim wrote.
   */
  private static final ObjectReader READER = SweepFiles.json().readerFor(RunRecord.class)
      .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
          DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
          DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
          DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Pattern MISSING =
      Pattern.compile("Missing (?:required )?creator property '([^']*)'");

  private static final List<String> LITERALS = List.of("true", "false", "null");

  private RunFileCheck() {}

  /**
   * A damaged run file, for a warning: {@code DIR/runs/000003.json (empty)}.
   *
   * @param run the run its name says
   * @param file the file, where it was found
   * @param reason why it is not that run's record, for people
   */
  public record Damaged(int run, Path file, String reason) {
    @Override
    public String toString() {
      return file + " (" + reason + ")";
    }
  }

  /** A run file that is not its run's record; the message is the reason, for people. */
  public static final class DamagedFile extends Exception {
    private static final long serialVersionUID = 1L;

    DamagedFile(String reason) {
      super(reason);
    }
  }

  /**
   * Reads run {@code run}'s file and checks it is that run of sweep {@code m}.
   *
   * @throws DamagedFile when the file cannot be read, is not a run record, or is another run's
   */
  public static RunRecord read(Path file, int run, SweepManifest m) throws DamagedFile {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      // Unreadable is as unfinished as damaged: running the run again costs a run, no more.
      throw new DamagedFile("cannot read: " + (e instanceof FileSystemException fs
          && fs.getReason() != null ? fs.getReason() : String.valueOf(e.getMessage())));
    }
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw new DamagedFile("empty");
    }
    RunRecord r;
    try {
      r = READER.readValue(bytes);
    } catch (JsonEOFException e) {
      throw new DamagedFile("truncated JSON at byte " + bytes.length);
    } catch (JsonMappingException e) {
      throw new DamagedFile("not a run record: " + mappingProblem(e));
    } catch (JsonProcessingException e) {
      // A file cut inside a literal (`nul`) is a bad token to Jackson, but it is cut short.
      throw new DamagedFile(stopsAtTheEnd(e, bytes)
          ? "truncated JSON at byte " + bytes.length : "not JSON at byte " + offset(e));
    } catch (IOException e) {
      throw new DamagedFile("cannot read: " + e.getMessage());
    }
    String mismatch = mismatch(r, run, m);
    if (mismatch != null) {
      throw new DamagedFile(mismatch);
    }
    return r;
  }

  /**
   * How the record differs from run {@code run} of {@code m}, or null when it is that run: the
   * fields that make a run what it is, all known without running it.
   */
  static String mismatch(RunRecord r, int run, SweepManifest m) {
    int point = run / m.replications();
    int replication = run % m.replications();
    if (r.run() != run) {
      return String.format("holds run %d, expected run %d as its name says", r.run(), run);
    }
    if (r.point() != point || r.replication() != replication) {
      return String.format("says point %d, replication %d, but run %d of a sweep with %d "
              + "replications per point is point %d, replication %d", r.point(),
          r.replication(), run, m.replications(), point, replication);
    }
    if (r.seed() != m.seed()) {
      return String.format("has seed %d, but the sweep's seed is %d", r.seed(), m.seed());
    }
    Map<String, String> expected = m.parameters(point);
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String v = r.parameters().get(e.getKey());
      if (!e.getValue().equals(v)) {
        return String.format("%s is %s, but point %d of the sweep has %s", e.getKey(),
            v == null ? "missing" : v, point, e.getValue());
      }
    }
    if (r.parameters().size() != expected.size()) {
      return String.format("has parameters %s, but the sweep varies only %s",
          r.parameters().keySet(), expected.keySet());
    }
    List<String> measures = m.measures().stream().map(SweepManifest.Measure::name).toList();
    if (!r.measures().keySet().equals(Set.copyOf(measures))) {
      return String.format("reports measures %s, but the sweep measures %s",
          r.measures().keySet(), measures);
    }
    return null;
  }

  /**
   * Renames a damaged file to {@code NAME.damaged} beside it, or {@code NAME.damaged-2}, ... when
   * an earlier one is there, so no damaged file is lost: the user may want to see what happened.
   * The new name does not look like a run file, so nothing counts it as one.
   *
   * @return the new name
   */
  public static Path setAside(Path file) throws IOException {
    for (int i = 1; ; i++) {
      Path target = file.resolveSibling(file.getFileName() + SET_ASIDE_SUFFIX
          + (i == 1 ? "" : "-" + i));
      try {
        return Files.move(file, target);
      } catch (FileAlreadyExistsException e) {
        // an earlier damaged copy of this run: keep it and try the next name
      }
    }
  }

  /** {@code 2 damaged run files}: the count and noun a warning starts with. */
  public static String count(List<Damaged> damaged) {
    return damaged.size() + " damaged run file" + (damaged.size() == 1 ? "" : "s");
  }

  /** Every damaged file with its reason, comma-separated, in the order given. */
  public static String list(List<Damaged> damaged) {
    return String.join(", ", damaged.stream().map(Damaged::toString).toList());
  }

  /** A field missing, unknown or of the wrong type, in a few words without Jackson's excerpt. */
  private static String mappingProblem(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'";
    }
    String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
    Matcher missing = MISSING.matcher(message);
    if (missing.find()) {
      return "missing field '" + missing.group(1) + "'";
    }
    String at = e.getPath().isEmpty() ? "" : " at '" + e.getPath().get(0).getFieldName() + "'";
    return "wrong content" + at;
  }

  /**
   * Whether the token Jackson could not read is a literal cut short at the end of the file
   * ({@code nul}): to Jackson a bad token, to the user a truncated file.
   */
  private static boolean stopsAtTheEnd(JsonProcessingException e, byte[] bytes) {
    int at = (int) Math.min(offset(e), bytes.length);
    String rest = new String(bytes, at, bytes.length - at, StandardCharsets.UTF_8);
    return !rest.isEmpty() && LITERALS.stream().anyMatch(w -> w.startsWith(rest));
  }

  /** Where the token Jackson could not read starts. */
  private static long offset(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    if (at == null) {
      return 0;
    }
    return Math.max(0, at.getByteOffset() >= 0 ? at.getByteOffset() : at.getCharOffset());
  }
}
