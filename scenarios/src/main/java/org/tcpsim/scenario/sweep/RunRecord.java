package org.tcpsim.scenario.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished run of a sweep, as written to {@code runs/NNNNNN.json}. Nothing in it depends on
 * the machine, the thread or the wall clock, so the same sweep gives byte-identical files
 * whatever {@code --jobs} is.
 *
 * @param run the run's number, from 0: {@code point * replications + replication}
 * @param point the grid point, from 0
 * @param replication the replication, from 0; it selects the run's random streams
 * @param seed the scenario seed (the same for every run of a sweep)
 * @param parameters each varied key path and its value as written (e.g. {@code 10ms})
 * @param passed whether every expectation of the scenario held
 * @param measures each measure's value; {@code null} where it is undefined (a mean over nothing)
 */
public record RunRecord(
    int run,
    int point,
    int replication,
    long seed,
    Map<String, String> parameters,
    boolean passed,
    Map<String, Double> measures) {
  public RunRecord {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
  }
}
