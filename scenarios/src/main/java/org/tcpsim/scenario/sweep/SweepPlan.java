package org.tcpsim.scenario.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcpsim.scenario.model.Scenario;
import org.tcpsim.scenario.run.Measures;
import org.tcpsim.scenario.run.RunResult;
import org.tcpsim.scenario.run.Simulation;

/**
 * Every run of a sweep, numbered: run {@code r} is grid point {@code r / replications} with
 * replication {@code r % replications}. A run depends only on its number (its point's scenario,
 * the seed and the replication index, which selects independent random streams), so runs can go
 * in any order, on any thread or machine, and give the same result.
 */
public final class SweepPlan {
  private final SweepManifest manifest;
  private final List<Scenario> points;

  /**
   * @param points the scenario at each grid point, in the manifest's grid order; kept as given,
   *     not copied, since the loader's list builds each point when it is read and copying it
   *     would hold the whole grid at once (README "Experiments"); read from the run threads
   */
  public SweepPlan(SweepManifest manifest, List<Scenario> points) {
    if ((long) points.size() * manifest.replications() != manifest.runs()) {
      throw new IllegalArgumentException("runs do not match points x replications");
    }
    this.manifest = manifest;
    this.points = points;
  }

  public SweepManifest manifest() {
    return manifest;
  }

  public int runs() {
    return manifest.runs();
  }

  public int point(int run) {
    return run / manifest.replications();
  }

  public int replication(int run) {
    return run % manifest.replications();
  }

  /** The varied keys and their values at a grid point, as written. */
  public Map<String, String> parameters(int point) {
    return manifest.parameters(point);
  }

  /** The {@code --set} assignments of a run, for {@code --list}. */
  public List<String> assignments(int run) {
    List<String> out = new ArrayList<>();
    parameters(point(run)).forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }

  /** Runs one run to the end and measures it. */
  public RunRecord run(int run) {
    int point = point(run);
    int replication = replication(run);
    Scenario s = points.get(point);
    Simulation sim = new Simulation(s, manifest.seed(), replication, s.until());
    RunResult result = sim.run();
    Map<String, Double> measures = new LinkedHashMap<>();
    for (SweepManifest.Measure m : manifest.measures()) {
      double v = Measures.value(result, m.name());
      measures.put(m.name(), Double.isFinite(v) ? v : null);
    }
    return new RunRecord(run, point, replication, manifest.seed(), parameters(point),
        result.passed(), measures);
  }
}
