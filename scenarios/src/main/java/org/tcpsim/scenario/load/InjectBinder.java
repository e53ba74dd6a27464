package org.tcpsim.scenario.load;

import static org.tcpsim.scenario.load.Parsers.DURATION;
import static org.tcpsim.scenario.load.Parsers.SEQ;
import static org.tcpsim.scenario.load.Parsers.integer;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.scenario.load.BindContext.Obj;
import org.tcpsim.scenario.load.Parsers.P;
import org.tcpsim.scenario.load.Schema.Key;
import org.tcpsim.scenario.model.EndpointRef;
import org.tcpsim.scenario.model.Inject;

/**
 * {@code inject:} (README, Scenario files, {@code inject}): crafted segments, each entering the
 * network at its sender or at {@code via}.
 */
final class InjectBinder extends SectionBinder {
  InjectBinder(BindContext cx) {
    super(cx);
  }

  List<Inject> injects(Node n, String path) {
    return cx.eachMap(n, path, "a list of segments such as - { at: 1s, from: \"A:1024\", "
        + "to: \"B:80\", flags: [SYN] }", Schema.INJECT,
        "a segment such as { at: 1s, from: \"A:1024\", to: \"B:80\", flags: [SYN] }",
        this::inject);
  }

  /** One entry; null when it has problems (they are reported). */
  private Inject inject(Obj o) {
    Long at = cx.req(o, Key.AT, DURATION);
    cx.timed(at, o, Key.AT);
    EndpointRef from = cx.req(o, Key.FROM, cx.endpoint(true));
    EndpointRef to = cx.req(o, Key.TO, cx.endpoint(true));
    Integer flags = o.has(Key.FLAGS) ? cx.flags(o.get(Key.FLAGS), o.p(Key.FLAGS)) : null;
    if (!o.has(Key.FLAGS)) {
      errors.add(o.loc(), o.p(Key.FLAGS), "missing",
          "a list of flags such as [SYN] ([] for none)");
    }
    long seq = cx.opt(o, Key.SEQ, SEQ, 0L);
    long ack = cx.opt(o, Key.ACK, SEQ, 0L);
    long window = cx.opt(o, Key.WINDOW, integer(0, 65_535), 65_535L);
    long len = cx.opt(o, Key.LEN, new P<>("a size from 0 to 65495 bytes", s -> {
      long v = Values.size(s);
      if (v > 65_495) {
        throw new BadValue("'" + s + "' is too large", "a size from 0 to 65495 bytes");
      }
      return v;
    }), 0L);
    String via = cx.opt(o, Key.VIA, cx.node(true));
    if (o.hasErrors()) {
      return null;
    }
    if (via == null && from.host().isEmpty()) {
      errors.add(o.loc(Key.FROM), o.p(Key.FROM), Ipv4.format(from.address())
          + " is no host's address", "via: NODE saying where the segment enters the network");
      return null;
    }
    return new Inject(at, from, to, flags, seq, ack, (int) window, (int) len,
        via != null ? via : from.host().get(), o.loc());
  }
}
