package org.tcpsim.scenario.load;

import static org.tcpsim.scenario.load.Parsers.CLOSE;
import static org.tcpsim.scenario.load.Parsers.DURATION;
import static org.tcpsim.scenario.load.Parsers.EVENT_RATE;
import static org.tcpsim.scenario.load.Parsers.PORT;
import static org.tcpsim.scenario.load.Parsers.POSITIVE_DURATION;
import static org.tcpsim.scenario.load.Parsers.SEQ;
import static org.tcpsim.scenario.load.Parsers.SIZE;
import static org.tcpsim.scenario.load.Parsers.choice;
import static org.tcpsim.scenario.load.Parsers.integer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.tcpsim.scenario.load.BindContext.Obj;
import org.tcpsim.scenario.load.Parsers.P;
import org.tcpsim.scenario.load.Schema.Key;
import org.tcpsim.scenario.model.App;
import org.tcpsim.scenario.model.Close;
import org.tcpsim.scenario.model.EndpointRef;
import org.tcpsim.scenario.model.Loc;
import org.tcpsim.scenario.model.LinkSpec;

/**
 * {@code apps:} (README, Scenario files, {@code apps}): {@code listen} servers and {@code connect}
 * clients, one per entry, and the check that each client can reach its server over the links.
 */
final class AppsBinder extends SectionBinder {
  /**
   * Clients over all {@code connect} entries. Every client is created, and its OPEN scheduled,
   * when the run starts (README "apps", {@code connect}), so memory grows with the total: about
   * 110 bytes a client was measured before the first event (1,000,000 pending clients held 108
   * MB). 10,000,000 is about 1.1 GB, which a default heap on an 8 GB machine still holds with
   * room for the run; more cannot run there, and used to end in an out-of-memory error after
   * minutes rather than here.
   */
  static final long MAX_CLIENTS = 10_000_000;

  AppsBinder(BindContext cx) {
    super(cx);
  }

  List<App> apps(Node n, String path) {
    // The first listener on each address, by its path, to name it when a second one comes.
    Map<String, String> listeners = new HashMap<>();
    return cx.eachEntry(n, path, "a list of apps such as - { listen: B:80 }",
        (item, p) -> app(item, p, listeners));
  }

  /**
   * One entry, read as a {@code listen} or a {@code connect} by the key it has (README, Scenario
   * files, {@code apps}); null when it has problems (they are reported). Unlike other sections'
   * entries, one written as null is not an empty map: it could be neither kind.
   */
  private App app(Node item, String p, Map<String, String> listeners) {
    if (!(item instanceof MappingNode m)) {
      errors.add(Yaml.loc(item), p, "got " + Yaml.describe(item),
          "an app such as { listen: B:80 } or { connect: B:80, from: A }");
      return null;
    }
    boolean isListen = m.getValue().stream().anyMatch(t -> Yaml.key(t).equals(Key.LISTEN));
    boolean isConnect = m.getValue().stream().anyMatch(t -> Yaml.key(t).equals(Key.CONNECT));
    if (isListen && isConnect) {
      errors.add(Yaml.loc(item), p, "both listen and connect", "one app per entry");
      return null;
    }
    if (isConnect) {
      return connect(cx.map(m, p, Schema.CONNECT));
    }
    if (!isListen) {
      errors.add(Yaml.loc(item), p, "an app with neither listen nor connect",
          "listen: HOST:PORT or connect: HOST:PORT");
      return null;
    }
    Obj o = cx.map(m, p, Schema.LISTEN);
    App.Listen l = listen(o);
    if (l != null) {
      String first = listeners.putIfAbsent(l.at().toString(), p);
      if (first != null) {
        errors.add(o.loc(Key.LISTEN), o.p(Key.LISTEN), l.at().display()
            + " already has a listener (" + first + ")", "one listener per address and port");
      }
    }
    return l;
  }

  private App.Listen listen(Obj o) {
    EndpointRef at = cx.opt(o, Key.LISTEN, cx.endpoint(false));
    App.Behaviour behaviour = cx.opt(o, Key.BEHAVIOUR, behaviour(), App.Behaviour.SINK);
    Long send = cx.opt(o, Key.SEND, SIZE);
    Close close = cx.opt(o, Key.CLOSE, CLOSE, Close.ON_PEER_CLOSE);
    if (o.hasErrors()) {
      return null;
    }
    if (behaviour == App.Behaviour.SERVE && (send == null || send == 0)) {
      errors.add(o.has(Key.SEND) ? o.loc(Key.SEND) : o.loc(), o.p(Key.SEND),
          send == null ? "missing" : "0 bytes", "the size behaviour serve sends, such as 10KB");
    }
    if (behaviour != App.Behaviour.SERVE && send != null) {
      errors.add(o.keyLoc(Key.SEND), o.p(Key.SEND), "send with behaviour " + behaviour.key(),
          "behaviour: serve for a server that sends");
    }
    if (close.when() == Close.When.AFTER_SEND && behaviour != App.Behaviour.SERVE) {
      errors.add(o.loc(Key.CLOSE), o.p(Key.CLOSE), "after-send with behaviour " + behaviour.key(),
          "on-peer-close, never or a duration (after-send is for behaviour serve)");
    }
    if (o.hasErrors()) {
      return null;
    }
    return new App.Listen(at, behaviour, send == null ? 0 : send, close, o.loc());
  }

  private static P<App.Behaviour> behaviour() {
    P<String> names = choice(Key.BEHAVIOUR, List.of("sink", "echo", "serve"));
    return new P<>(names.expected(),
        s -> App.Behaviour.valueOf(names.fn().parse(s).toUpperCase(Locale.ROOT)));
  }

  private App.Connect connect(Obj o) {
    EndpointRef target = cx.opt(o, Key.CONNECT, cx.endpoint(true));
    String from = cx.req(o, Key.FROM, cx.node(false));
    Long at = cx.opt(o, Key.AT, DURATION, 0L);
    cx.timed(at, o, Key.AT);
    Long port = cx.opt(o, Key.PORT, PORT);
    Long iss = cx.opt(o, Key.ISS, SEQ);
    long send = cx.opt(o, Key.SEND, SIZE, 0L);
    Close close = cx.opt(o, Key.CLOSE, CLOSE, Close.NEVER);
    long count = cx.opt(o, Key.COUNT, integer(1, 1_000_000), 1L);
    Long every = cx.opt(o, Key.EVERY, POSITIVE_DURATION);
    Double rate = cx.opt(o, Key.RATE, EVENT_RATE);
    if (o.hasErrors()) {
      return null;
    }
    if (target.host().isPresent() && target.host().get().equals(from)) {
      errors.add(o.loc(Key.CONNECT), o.p(Key.CONNECT), "a connect from " + from + " to itself",
          "another host");
    }
    if (close.when() == Close.When.AFTER_SEND && send == 0) {
      errors.add(o.loc(Key.CLOSE), o.p(Key.CLOSE), "after-send with nothing to send",
          "send: SIZE, or close: never or a duration");
    }
    if (every != null && rate != null) {
      errors.add(o.keyLoc(Key.RATE), o.p(Key.RATE), "both every and rate",
          "one of them (every: fixed spacing, rate: Poisson arrivals)");
    }
    if ((every != null || rate != null) && !o.has(Key.COUNT)) {
      String k = every != null ? Key.EVERY : Key.RATE;
      errors.add(o.keyLoc(k), o.p(Key.COUNT), "missing with " + k, "count: N clients");
    }
    if (count > 1 && every == null && rate == null) {
      errors.add(o.loc(Key.COUNT), o.p(Key.COUNT), count + " clients but neither every nor rate",
          "every: DURATION or rate: N/s");
    }
    if (port != null && port + count - 1 > 65_535) {
      errors.add(o.loc(Key.PORT), o.p(Key.PORT), "ports " + port + " to " + (port + count - 1)
          + " for " + count + " clients", "ports within 1..65535");
    }
    if (o.hasErrors()) {
      return null;
    }
    return new App.Connect(target, from, at,
        port == null ? OptionalInt.empty() : OptionalInt.of(port.intValue()),
        iss == null ? OptionalLong.empty() : OptionalLong.of(iss), send, close, (int) count,
        every == null ? OptionalLong.empty() : OptionalLong.of(every),
        rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate), o.loc());
  }

  /**
   * The clients of every entry together are at most {@link #MAX_CLIENTS}; one entry's {@code
   * count} alone is bounded where it is written. Reported at the {@code apps} key.
   */
  void checkClientTotal(List<App> apps, Loc at) {
    long clients = 0;
    int entries = 0;
    for (App a : apps) {
      if (a instanceof App.Connect c) {
        clients += c.count();
        entries++;
      }
    }
    if (clients > MAX_CLIENTS) {
      errors.add(at, Key.APPS, String.format(Locale.ROOT, "%,d clients in total over %,d connect "
          + "entries", clients, entries), String.format(Locale.ROOT, "at most %,d clients in "
          + "total (each is created before the run starts; README \"apps\")", MAX_CLIENTS));
    }
  }

  /** Each connect's target must be reachable from its host over the links. */
  void checkReachable(List<App> apps, List<LinkSpec> links) {
    if (!errors.isEmpty()) {
      return;
    }
    Map<String, List<String>> adj = new HashMap<>();
    for (LinkSpec l : links) {
      adj.computeIfAbsent(l.a(), k -> new ArrayList<>()).add(l.b());
      adj.computeIfAbsent(l.b(), k -> new ArrayList<>()).add(l.a());
    }
    for (App a : apps) {
      if (a instanceof App.Connect c && c.target().host().isPresent()) {
        String to = c.target().host().get();
        Set<String> seen = new HashSet<>(List.of(c.from()));
        ArrayDeque<String> q = new ArrayDeque<>(List.of(c.from()));
        while (!q.isEmpty()) {
          for (String next : adj.getOrDefault(q.poll(), List.of())) {
            if (seen.add(next)) {
              q.add(next);
            }
          }
        }
        if (!seen.contains(to)) {
          errors.add(c.loc(), Key.CONNECT, "no path from " + c.from() + " to " + to,
              "links joining them");
        }
      }
    }
  }
}
