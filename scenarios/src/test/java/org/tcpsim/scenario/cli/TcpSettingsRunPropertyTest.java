package org.tcpsim.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.core.Time;
import org.tcpsim.tcp.TcpSettings;

/**
 * Whatever TCP settings {@code validate} accepts, {@code run} runs: exit 0 or 1, never the
 * internal error (exit 3) that an overflowing timer (2*MSL past the clock) or a configuration the
 * TCP refuses when a connection opens (an initial RTO above rto-max) used to give. Every setting
 * takes a random value within the range its descriptor documents ({@link
 * TcpSettings.Setting#min()} to {@link TcpSettings.Setting#max()}), drawn log-uniformly so that
 * both ends are reached; a handshake and a small transfer over a lossy link, with a short until.
 *
 * <p>The until is short because a keep-alive idle time of a few nanoseconds, allowed, re-arms
 * the timer every few nanoseconds while data is outstanding (RFC 9293 MUST-26 forbids the probe,
 * not the wait): correct, but a billion events per simulated second.
 */
class TcpSettingsRunPropertyTest {
  private static final int CASES = 300;

  private static final String SCENARIO = """
      name: settings-property
      until: 50ms
      seed: %d
      hosts:
        A: { address: 10.0.0.1, tcp: %s }
        B: { address: 10.0.0.2, tcp: %s }
      links:
        - { between: [A, B], delay: 1ms, rate: 10Mbps, loss: 0.1 }
      apps:
        - { listen: B:80, behaviour: echo }
        - { connect: B:80, from: A, at: 0s, send: 4KB, close: after-send }
      """;

  @Test
  void everyAcceptedSettingsBlockRunsToTheEnd(@TempDir Path tmp) throws Exception {
    SplittableRandom random = new SplittableRandom(20261121L);
    int accepted = 0;
    for (int i = 0; i < CASES; i++) {
      String text = SCENARIO.formatted(i, block(random), block(random));
      Path file = tmp.resolve("case-" + i + ".yaml");
      Files.writeString(file, text);
      int valid = execute("validate", file.toString());
      assertThat(valid).as("validate of\n%s", text).isIn(0, 2);
      if (valid != 0) {
        continue;
      }
      accepted++;
      assertThat(execute("run", file.toString(), "-q")).as("run of\n%s", text).isIn(0, 1);
    }
    // The RTO settings are drawn in order most of the time, so most blocks are valid.
    assertThat(accepted).isGreaterThan(CASES / 2);
  }

  private static int execute(String... args) {
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true));
    assertThat(err.toString()).as(String.join(" ", args)).doesNotContain("internal error");
    return status;
  }

  /** A {@code tcp:} map with each setting present with probability 1/2. */
  private static String block(SplittableRandom random) {
    Map<String, String> values = new LinkedHashMap<>();
    for (TcpSettings.Setting s : TcpSettings.all()) {
      if (random.nextBoolean()) {
        values.put(s.key(), value(s, random));
      }
    }
    orderRtos(values, random);
    List<String> entries = new ArrayList<>();
    values.forEach((k, v) -> entries.add(k + ": " + v));
    return "{ " + String.join(", ", entries) + " }";
  }

  /**
   * Four times in five, when an RTO setting is drawn, all three are, in order (rto-min <=
   * rto-initial <= rto-max), so that the run is reached; the fifth, they stay as drawn and
   * validate may refuse them (with exit 2).
   */
  private static void orderRtos(Map<String, String> values, SplittableRandom random) {
    List<String> keys = List.of("rto-min", "rto-initial", "rto-max");
    if (keys.stream().noneMatch(values::containsKey) || random.nextInt(5) == 0) {
      return;
    }
    long max = TcpSettings.find("rto-max").max();
    long[] t = keys.stream().mapToLong(k -> values.containsKey(k) ? Time.parse(values.get(k))
        : logUniform(random, 1, max)).sorted().toArray();
    for (int i = 0; i < t.length; i++) {
      values.put(keys.get(i), Time.format(t[i]));
    }
  }

  private static String value(TcpSettings.Setting s, SplittableRandom random) {
    return switch (s.kind()) {
      case DURATION -> Time.format(logUniform(random, s.min(), s.max()));
      case INTEGER, SIZE -> Long.toString(logUniform(random, s.min(), s.max()));
      case BOOLEAN -> Boolean.toString(random.nextBoolean());
      case CHOICE -> {
        String[] choices = s.form().split("\\|");
        yield choices[random.nextInt(choices.length)];
      }
      case ISN -> random.nextBoolean() ? (random.nextBoolean() ? "clock" : "rfc6528")
          : "\"" + random.nextLong(1L << 32) + "," + random.nextLong(1L << 32) + "\"";
      case ISS -> random.nextBoolean() ? "none" : Long.toString(random.nextLong(1L << 32));
    };
  }

  /** A value in [min, max] whose order of magnitude is uniform: 1ns and 1000h alike. */
  private static long logUniform(SplittableRandom random, long min, long max) {
    if (random.nextInt(10) == 0) {
      return random.nextBoolean() ? min : max; // the ends themselves
    }
    double lo = Math.log(min + 1.0);
    double hi = Math.log(max + 1.0);
    long v = (long) Math.exp(lo + random.nextDouble() * (hi - lo)) - 1;
    return Math.max(min, Math.min(max, v));
  }

  @Test
  void theRtoSettingsMayBeWrittenInAnyOrder(@TempDir Path tmp) throws Exception {
    // rto-initial below the profile's rto-min, then rto-min lowered: valid as a whole.
    for (String tcp : Arrays.asList("{ rto-initial: 100ms, rto-min: 50ms }",
        "{ rto-max: 500ms, rto-min: 100ms, rto-initial: 200ms }")) {
      Path file = tmp.resolve("order.yaml");
      Files.writeString(file, SCENARIO.formatted(1, tcp, "{}"));
      assertThat(execute("validate", file.toString())).as(tcp).isZero();
      assertThat(execute("run", file.toString(), "-q")).as(tcp).isIn(0, 1);
    }
  }
}
