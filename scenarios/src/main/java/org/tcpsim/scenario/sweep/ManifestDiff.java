package org.tcpsim.scenario.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes two manifests different sweeps, said for people. The reproducing command is not
 * compared: the same sweep can be asked for in several ways (a dimension in the file or on the
 * command line).
 */
public final class ManifestDiff {
  private ManifestDiff() {}

  /** Empty when both describe the same runs; else the fields that differ. */
  public static Optional<String> describe(SweepManifest a, SweepManifest b) {
    List<String> out = new ArrayList<>();
    check(out, "format", a.format(), b.format());
    check(out, "scenario", a.scenario(), b.scenario());
    check(out, "the scenario file's sha256", a.sha256(), b.sha256());
    check(out, "tcpsim version", a.version(), b.version());
    check(out, "seed", a.seed(), b.seed());
    check(out, "--set", a.sets(), b.sets());
    check(out, "the grid", grid(a), grid(b));
    check(out, "replications", a.replications(), b.replications());
    check(out, "measures", a.measures().stream().map(SweepManifest.Measure::name).toList(),
        b.measures().stream().map(SweepManifest.Measure::name).toList());
    return out.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", out));
  }

  /** {@code [links.0.loss: 0, 0.1; hosts.A.tcp.cc+hosts.B.tcp.cc: reno+reno, ...]}. */
  private static String grid(SweepManifest m) {
    List<String> dims = new ArrayList<>();
    for (SweepManifest.Dimension d : m.dimensions()) {
      dims.add(String.join("+", d.keys()) + ": "
          + String.join(", ", d.values().stream().map(v -> String.join("+", v)).toList()));
    }
    return "[" + String.join("; ", dims) + "]";
  }

  private static void check(List<String> out, String what, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(what + " differs: " + a + " there, " + b + " here");
    }
  }
}
