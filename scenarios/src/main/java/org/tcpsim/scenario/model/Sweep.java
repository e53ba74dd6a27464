package org.tcpsim.scenario.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep:}: a grid of values for keys given by their {@code --set} path, times
 * replications.
 *
 * @param vary for each key path, its values as YAML text that {@code --set PATH=TEXT} accepts
 * @param replications runs per grid point, at least 1
 * @param measure what to report per point
 */
public record Sweep(
    Map<String, List<String>> vary, int replications, List<String> measure, Loc loc) {
  public Sweep {
    LinkedHashMap<String, List<String>> v = new LinkedHashMap<>();
    vary.forEach((k, vals) -> v.put(k, List.copyOf(vals)));
    vary = Collections.unmodifiableMap(v);
    measure = List.copyOf(measure);
  }

  /**
   * Every grid point in a fixed order (the first key varies slowest), each as the {@code --set}
   * assignments {@code PATH=VALUE} that turn the scenario into that point. With nothing to vary
   * there is one point with no assignments.
   */
  public List<List<String>> points() {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (Map.Entry<String, List<String>> e : vary.entrySet()) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String value : e.getValue()) {
          List<String> p = new ArrayList<>(prefix);
          p.add(e.getKey() + "=" + value);
          next.add(List.copyOf(p));
        }
      }
      out = next;
    }
    return List.copyOf(out);
  }
}
