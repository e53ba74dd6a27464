package org.tcpsim.core.net;

/** How a channel loses packets. Each channel keeps its own state and random stream. */
public sealed interface LossModel {
  LossModel NONE = new Bernoulli(0);

  /** Each packet is lost independently with probability {@code p}. */
  record Bernoulli(double p) implements LossModel {
    public Bernoulli {
      checkProbability("loss", p);
    }
  }

  /**
   * The Gilbert-Elliott two-state burst model. Per packet, the channel moves from Good to Bad
   * with probability {@code p} and from Bad to Good with probability {@code r}, then loses the
   * packet with probability {@code lossGood} or {@code lossBad} according to its state. With the
   * usual {@code lossGood = 0, lossBad = 1}, bursts of loss last 1/r packets on average and the
   * long-run loss rate is p/(p+r).
   */
  record GilbertElliott(double p, double r, double lossGood, double lossBad) implements LossModel {
    public GilbertElliott {
      checkProbability("p", p);
      checkProbability("r", r);
      checkProbability("loss-good", lossGood);
      checkProbability("loss-bad", lossBad);
      if (r == 0 && p > 0) {
        throw new IllegalArgumentException(
            "Gilbert-Elliott r must be > 0 when p > 0, or the channel never leaves Bad");
      }
    }

    public GilbertElliott(double p, double r) {
      this(p, r, 0, 1);
    }

    /** The stationary loss probability. */
    public double meanLoss() {
      if (p + r == 0) {
        return lossGood;
      }
      double bad = p / (p + r);
      return (1 - bad) * lossGood + bad * lossBad;
    }
  }

  static void checkProbability(String what, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be a probability in [0, 1], got " + v);
    }
  }
}
