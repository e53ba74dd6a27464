package org.tcpsim.scenario.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code tcpsim run} (README, The command line; a contract: extended, never
 * renamed).
 */
public final class RunOptions {
  static final CommandSpec SPEC = new CommandSpec("run", List.of(
      "Run one scenario file, print a summary and check its expectations.",
      "Exit status: 0 every expectation held; 1 one failed (each is printed); 2 bad input; "
          + "3 internal error."),
      List.of(
          OptionSpec.value("--seed", "N",
              "Seed for every random stream (default: the file's seed)."),
          OptionSpec.repeatable("--set", "KEY=VALUE", "Override a key by its path, "
              + "e.g. hosts.B.tcp.backlog=64 (repeatable)."),
          OptionSpec.value("--until", "TIME", "Stop at this simulated time (e.g. 30s; default: "
              + "the file's until, else when nothing is left to do)."),
          OptionSpec.value("--trace", "FILE",
              "Write the trace to FILE ('-' for standard output)."),
          OptionSpec.value("--trace-format", "FORMAT", "text (for people, the default) or jsonl "
              + "(JSON Lines, one event per line)."),
          OptionSpec.flag("--explain", "In the text trace, give the RFC rule behind every "
              + "decision (why a segment was sent, accepted or dropped, why a state changed)."),
          OptionSpec.flag("--absolute-seq", "In the text trace, print absolute sequence numbers "
              + "instead of numbers relative to each side's ISN."),
          OptionSpec.flag("--ladder",
              "Print each connection as a ladder in RFC 9293's figure notation."),
          OptionSpec.value("--pcap", "FILE",
              "Write the packets to a pcap file that Wireshark and tshark open."),
          OptionSpec.value("--pcap-at", "NODE|LINK", "Where the pcap captures: a host or router "
              + "name, or a link such as A-B (default: every host's interface)."),
          OptionSpec.value("--out", "DIR", "Write everything into DIR: trace.jsonl, trace.txt, "
              + "ladder.txt, capture.pcap and summary.json."),
          OptionSpec.flag("-q", "--quiet", "Print only failures (and what was asked for with "
              + "--trace - or --ladder).")),
      "FILE", 1, 1, "The scenario file, or the name of a bundled scenario (see tcpsim list).");

  String file;
  Long seed;
  List<String> sets = new ArrayList<>();
  String until;
  String trace;
  String traceFormat = "text";
  boolean explain;
  boolean absoluteSeq;
  boolean ladder;
  String pcap;
  String pcapAt;
  String out;
  boolean quiet;

  static RunOptions from(Args a) throws UsageException {
    RunOptions o = new RunOptions();
    o.file = a.parameter();
    o.seed = a.longValue("--seed");
    o.sets = a.values("--set");
    o.until = a.value("--until");
    o.trace = a.value("--trace");
    if (a.has("--trace-format")) {
      o.traceFormat = a.value("--trace-format");
    }
    o.explain = a.has("--explain");
    o.absoluteSeq = a.has("--absolute-seq");
    o.ladder = a.has("--ladder");
    o.pcap = a.value("--pcap");
    o.pcapAt = a.value("--pcap-at");
    o.out = a.value("--out");
    o.quiet = a.has("--quiet");
    return o;
  }
}
