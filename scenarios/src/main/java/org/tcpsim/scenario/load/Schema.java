package org.tcpsim.scenario.load;

import java.util.List;
import org.tcpsim.scenario.load.Shape.Fields;
import org.tcpsim.scenario.load.Shape.ListOf;
import org.tcpsim.scenario.load.Shape.Named;
import org.tcpsim.scenario.model.Rule;
import org.tcpsim.tcp.TcpSettings;

/**
 * The keys of every map in a scenario file (README, Scenario files). {@link Key} spells each key
 * once: the shapes below list them for the "unknown key" check, {@code --set} paths and the
 * format test, and the section binders read the file through the same constants.
 */
final class Schema {
  private Schema() {}

  /** Every key a scenario file has, written once. */
  static final class Key {
    private Key() {}

    // The top level (README, Scenario files, Top level).
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String SEED = "seed";
    static final String UNTIL = "until";
    static final String PROFILE = "profile";
    static final String TCP = "tcp";
    static final String HOSTS = "hosts";
    static final String LINKS = "links";
    static final String APPS = "apps";
    static final String ACTIONS = "actions";
    static final String INJECT = "inject";
    static final String RULES = "rules";
    static final String ATTACKS = "attacks";
    static final String EXPECT = "expect";
    static final String SWEEP = "sweep";

    // hosts
    static final String ADDRESS = "address";
    static final String ROUTER = "router";

    // links, and one direction of a link
    static final String BETWEEN = "between";
    static final String DELAY = "delay";
    static final String RATE = "rate";
    static final String JITTER = "jitter";
    static final String QUEUE = "queue";
    static final String LOSS = "loss";
    static final String DUPLICATE = "duplicate";
    static final String REORDER = "reorder";
    static final String REORDER_DELAY = "reorder-delay";
    static final String CORRUPT = "corrupt";
    static final String GILBERT_ELLIOTT = "gilbert-elliott";
    static final String P = "p";
    static final String R = "r";
    static final String LOSS_GOOD = "loss-good";
    static final String LOSS_BAD = "loss-bad";

    // apps: listen and connect
    static final String LISTEN = "listen";
    static final String BEHAVIOUR = "behaviour";
    static final String SEND = "send";
    static final String CLOSE = "close";
    static final String CONNECT = "connect";
    static final String FROM = "from";
    static final String AT = "at";
    static final String PORT = "port";
    static final String ISS = "iss";
    static final String COUNT = "count";
    static final String EVERY = "every";

    // actions
    static final String HOST = "host";
    static final String CALL = "call";
    static final String CONN = "conn";
    static final String SIZE = "size";

    // inject
    static final String TO = "to";
    static final String FLAGS = "flags";
    static final String SEQ = "seq";
    static final String ACK = "ack";
    static final String WINDOW = "window";
    static final String LEN = "len";
    static final String VIA = "via";

    // rules (the verdict keys are Rule.Verdict's)
    static final String MATCH = "match";
    static final String HAS = "has";
    static final String NTH = "nth";
    static final String AFTER = "after";
    static final String BEFORE = "before";

    // attacks
    static final String SYN_FLOOD = "syn-flood";
    static final String TARGET = "target";
    static final String START = "start";
    static final String STOP = "stop";
    static final String SPOOF = "spoof";

    // expect
    static final String STATE = "state";
    static final String COUNTER = "counter";
    static final String SIGNAL = "signal";
    static final String DELIVERED = "delivered";
    static final String LADDER = "ladder";
    /** A counter's comparison keys, in the order the schema lists them. */
    static final List<String> COMPARISONS = List.of("=", "==", "!=", ">", ">=", "<", "<=");

    // sweep
    static final String VARY = "vary";
    static final String REPLICATIONS = "replications";
    static final String MEASURE = "measure";
  }

  static final Fields TCP = tcp();

  private static Fields tcp() {
    Shape.Builder b = Shape.fields("TCP setting");
    for (String k : TcpSettings.names()) {
      b.leaves(k);
    }
    return b.build();
  }

  static final Fields HOST = Shape.fields("host key")
      .leaves(Key.ADDRESS, Key.ROUTER, Key.PROFILE)
      .with(Key.TCP, TCP)
      .build();

  static final Fields GILBERT_ELLIOTT = Shape.fields("Gilbert-Elliott parameter")
      .leaves(Key.P, Key.R, Key.LOSS_GOOD, Key.LOSS_BAD)
      .build();

  static final Fields LOSS =
      Shape.fields("loss model").with(Key.GILBERT_ELLIOTT, GILBERT_ELLIOTT).build();

  /** What one direction of a link takes: everything a link takes except {@code between}. */
  static final Fields DIRECTION = channel(Shape.fields("link key")).build();

  static final Fields LINK =
      channel(Shape.fields("link key").leaves(Key.BETWEEN)).directions(DIRECTION).build();

  private static Shape.Builder channel(Shape.Builder b) {
    return b.leaves(Key.DELAY, Key.RATE, Key.JITTER, Key.QUEUE)
        .with(Key.LOSS, LOSS)
        .leaves(Key.DUPLICATE, Key.REORDER, Key.REORDER_DELAY, Key.CORRUPT);
  }

  static final Fields LISTEN = Shape.fields("listen key")
      .leaves(Key.LISTEN, Key.BEHAVIOUR, Key.SEND, Key.CLOSE)
      .build();

  static final Fields CONNECT = Shape.fields("connect key")
      .leaves(Key.CONNECT, Key.FROM, Key.AT, Key.PORT, Key.ISS, Key.SEND, Key.CLOSE, Key.COUNT,
          Key.EVERY, Key.RATE)
      .build();

  /** Either kind of app, for {@code --set} paths. */
  static final Fields APP = Shape.fields("app key")
      .leaves(Key.LISTEN, Key.BEHAVIOUR, Key.CONNECT, Key.FROM, Key.AT, Key.PORT, Key.ISS,
          Key.SEND, Key.CLOSE, Key.COUNT, Key.EVERY, Key.RATE)
      .build();

  static final Fields ACTION = Shape.fields("action key")
      .leaves(Key.AT, Key.HOST, Key.CALL, Key.CONN, Key.SIZE)
      .build();

  static final Fields INJECT = Shape.fields("inject key")
      .leaves(Key.AT, Key.FROM, Key.TO, Key.FLAGS, Key.SEQ, Key.ACK, Key.WINDOW, Key.LEN, Key.VIA)
      .build();

  static final Fields MATCH = Shape.fields("match key")
      .leaves(Key.FROM, Key.TO, Key.FLAGS, Key.HAS, Key.NTH, Key.AFTER, Key.BEFORE)
      .build();

  static final Fields RULE = rule();

  /** {@code match} and one key per verdict, spelled as {@link Rule.Verdict#key()} spells it. */
  private static Fields rule() {
    Shape.Builder b = Shape.fields("rule key").with(Key.MATCH, MATCH);
    for (Rule.Verdict v : Rule.Verdict.values()) {
      b.leaves(v.key());
    }
    return b.build();
  }

  static final Fields SYN_FLOOD = Shape.fields("syn-flood key")
      .leaves(Key.TARGET, Key.FROM, Key.RATE, Key.START, Key.STOP, Key.SPOOF)
      .build();

  static final Fields ATTACK = Shape.fields("attack").with(Key.SYN_FLOOD, SYN_FLOOD).build();

  static final Fields EXPECT = Shape.fields("expect key")
      .leaves(Key.AT, Key.HOST, Key.CONN, Key.STATE, Key.COUNTER)
      .leaves(Key.COMPARISONS.toArray(String[]::new))
      .leaves(Key.SIGNAL, Key.DELIVERED, Key.LADDER)
      .build();

  static final Fields SWEEP = Shape.fields("sweep key")
      .leaves(Key.VARY, Key.REPLICATIONS, Key.MEASURE)
      .build();

  static final Fields ROOT = Shape.fields("top-level key")
      .leaves(Key.NAME, Key.DESCRIPTION, Key.SEED, Key.UNTIL, Key.PROFILE)
      .with(Key.TCP, TCP)
      .with(Key.HOSTS, new Named("host", HOST))
      .with(Key.LINKS, new ListOf(LINK))
      .with(Key.APPS, new ListOf(APP))
      .with(Key.ACTIONS, new ListOf(ACTION))
      .with(Key.INJECT, new ListOf(INJECT))
      .with(Key.RULES, new ListOf(RULE))
      .with(Key.ATTACKS, new ListOf(ATTACK))
      .with(Key.EXPECT, new ListOf(EXPECT))
      .with(Key.SWEEP, SWEEP)
      .build();
}
