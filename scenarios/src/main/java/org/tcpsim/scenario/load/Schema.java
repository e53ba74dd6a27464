package org.tcpsim.scenario.load;

import org.tcpsim.scenario.load.Shape.Fields;
import org.tcpsim.scenario.load.Shape.ListOf;
import org.tcpsim.scenario.load.Shape.Named;
import org.tcpsim.tcp.TcpSettings;

/** The keys of every map in a scenario file (design section 4, extended). */
final class Schema {
  private Schema() {}

  static final Fields TCP = tcp();

  private static Fields tcp() {
    Shape.Builder b = Shape.fields("TCP setting");
    for (String k : TcpSettings.names()) {
      b.leaves(k);
    }
    return b.build();
  }

  static final Fields HOST =
      Shape.fields("host key").leaves("address", "router", "profile").with("tcp", TCP).build();

  static final Fields GILBERT_ELLIOTT =
      Shape.fields("Gilbert-Elliott parameter").leaves("p", "r", "loss-good", "loss-bad").build();

  static final Fields LOSS =
      Shape.fields("loss model").with("gilbert-elliott", GILBERT_ELLIOTT).build();

  /** What one direction of a link takes: everything a link takes except {@code between}. */
  static final Fields DIRECTION = channel(Shape.fields("link key")).build();

  static final Fields LINK =
      channel(Shape.fields("link key").leaves("between")).directions(DIRECTION).build();

  private static Shape.Builder channel(Shape.Builder b) {
    return b.leaves("delay", "rate", "jitter", "queue")
        .with("loss", LOSS)
        .leaves("duplicate", "reorder", "reorder-delay", "corrupt");
  }

  static final Fields LISTEN =
      Shape.fields("listen key").leaves("listen", "behaviour", "send", "close").build();

  static final Fields CONNECT = Shape.fields("connect key")
      .leaves("connect", "from", "at", "port", "iss", "send", "close", "count", "every", "rate")
      .build();

  /** Either kind of app, for {@code --set} paths. */
  static final Fields APP = Shape.fields("app key")
      .leaves("listen", "behaviour", "connect", "from", "at", "port", "iss", "send", "close",
          "count", "every", "rate")
      .build();

  static final Fields ACTION =
      Shape.fields("action key").leaves("at", "host", "call", "conn", "size").build();

  static final Fields INJECT = Shape.fields("inject key")
      .leaves("at", "from", "to", "flags", "seq", "ack", "window", "len", "via")
      .build();

  static final Fields MATCH = Shape.fields("match key")
      .leaves("from", "to", "flags", "has", "nth", "after", "before")
      .build();

  static final Fields RULE = Shape.fields("rule key")
      .with("match", MATCH)
      .leaves("drop", "delay", "duplicate", "corrupt")
      .build();

  static final Fields SYN_FLOOD = Shape.fields("syn-flood key")
      .leaves("target", "from", "rate", "start", "stop", "spoof")
      .build();

  static final Fields ATTACK = Shape.fields("attack").with("syn-flood", SYN_FLOOD).build();

  static final Fields EXPECT = Shape.fields("expect key")
      .leaves("at", "host", "conn", "state", "counter", "=", "==", "!=", ">", ">=", "<", "<=",
          "signal", "delivered", "ladder")
      .build();

  static final Fields SWEEP = Shape.fields("sweep key")
      .leaves("vary", "replications", "measure")
      .build();

  static final Fields ROOT = Shape.fields("top-level key")
      .leaves("name", "description", "seed", "until", "profile")
      .with("tcp", TCP)
      .with("hosts", new Named("host", HOST))
      .with("links", new ListOf(LINK))
      .with("apps", new ListOf(APP))
      .with("actions", new ListOf(ACTION))
      .with("inject", new ListOf(INJECT))
      .with("rules", new ListOf(RULE))
      .with("attacks", new ListOf(ATTACK))
      .with("expect", new ListOf(EXPECT))
      .with("sweep", SWEEP)
      .build();
}
