package org.tcpsim.scenario.sweep.collect;

import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * What {@code summary.csv} says about one measure at one grid point: the replications' count,
 * mean, sample standard deviation, 95% confidence-interval half-width and range.
 *
 * <p>A value that the data cannot give is empty, never 0: with no values everything but
 * {@code n} is empty; with one value the standard deviation and the interval are empty, because
 * one replication says nothing about spread and a 0 would claim a perfectly precise mean.
 *
 * @param n how many values were defined (nulls and NaN are not counted)
 * @param mean the arithmetic mean
 * @param sd the sample standard deviation (divisor {@code n - 1})
 * @param ci95 the half-width of the 95% confidence interval of the mean by Student's t:
 *     {@code t(0.975, n - 1) * sd / sqrt(n)}; the interval is {@code mean +- ci95}
 * @param min the smallest value
 * @param max the largest value
 */
public record Stats(
    int n,
    OptionalDouble mean,
    OptionalDouble sd,
    OptionalDouble ci95,
    OptionalDouble min,
    OptionalDouble max) {

  /**
   * The inverse t CDF is found by a solver; ask it for more than the default 1e-9 so that the
   * solver is not what limits the quantile. What does is commons-math's incomplete beta
   * function: its quantiles agree with printed tables to about 3e-11 relative, far below what
   * an interval from a handful of replications can mean.
   */
  private static final double T_ACCURACY = 1e-13;

  /** The statistics of {@code values}, skipping nulls (undefined measures) and NaN. */
  public static Stats of(List<Double> values) {
    SummaryStatistics s = new SummaryStatistics();
    for (Double v : values) {
      if (v != null && !v.isNaN()) {
        s.addValue(v);
      }
    }
    int n = (int) s.getN();
    if (n == 0) {
      OptionalDouble none = OptionalDouble.empty();
      return new Stats(0, none, none, none, none, none);
    }
    OptionalDouble sd = OptionalDouble.empty();
    OptionalDouble ci = OptionalDouble.empty();
    if (n > 1) {
      double t = new TDistribution(null, n - 1, T_ACCURACY).inverseCumulativeProbability(0.975);
      sd = OptionalDouble.of(s.getStandardDeviation());
      ci = OptionalDouble.of(t * s.getStandardDeviation() / Math.sqrt(n));
    }
    return new Stats(n, OptionalDouble.of(s.getMean()), sd, ci,
        OptionalDouble.of(s.getMin()), OptionalDouble.of(s.getMax()));
  }
}
