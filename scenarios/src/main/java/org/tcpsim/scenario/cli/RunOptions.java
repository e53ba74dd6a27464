package org.tcpsim.scenario.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code tcpsim run} (design section 2, a contract: extended, never renamed). */
public final class RunOptions {
  @Parameters(index = "0", paramLabel = "FILE",
      description = "The scenario file, or the name of a bundled scenario (see tcpsim list).")
  String file;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for every random stream "
      + "(default: the file's seed).")
  Long seed;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a key by its path, "
      + "e.g. hosts.B.tcp.backlog=64 (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--until", paramLabel = "TIME", description = "Stop at this simulated time "
      + "(e.g. 30s; default: the file's until, else when nothing is left to do).")
  String until;

  @Option(names = "--trace", paramLabel = "FILE", description = "Write the trace to FILE "
      + "('-' for standard output).")
  String trace;

  @Option(names = "--trace-format", paramLabel = "FORMAT", description = "text (for people, the "
      + "default) or jsonl (JSON Lines, one event per line).")
  String traceFormat = "text";

  @Option(names = "--explain", description = "In the text trace, give the RFC rule behind every "
      + "decision (why a segment was sent, accepted or dropped, why a state changed).")
  boolean explain;

  @Option(names = "--absolute-seq", description = "In the text trace, print absolute sequence "
      + "numbers instead of numbers relative to each side's ISN.")
  boolean absoluteSeq;

  @Option(names = "--ladder", description = "Print each connection as a ladder in RFC 9293's "
      + "figure notation.")
  boolean ladder;

  @Option(names = "--pcap", paramLabel = "FILE", description = "Write the packets to a pcap file "
      + "that Wireshark and tshark open.")
  String pcap;

  @Option(names = "--pcap-at", paramLabel = "NODE|LINK", description = "Where the pcap captures: "
      + "a host or router name, or a link such as A-B (default: every host's interface).")
  String pcapAt;

  @Option(names = "--out", paramLabel = "DIR", description = "Write everything into DIR: "
      + "trace.jsonl, trace.txt, ladder.txt, capture.pcap and summary.json.")
  String out;

  @Option(names = {"-q", "--quiet"}, description = "Print only failures (and what was asked "
      + "for with --trace - or --ladder).")
  boolean quiet;
}
