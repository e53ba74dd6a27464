package org.tcpsim.scenario.load;

import static org.tcpsim.scenario.load.Parsers.DURATION;
import static org.tcpsim.scenario.load.Parsers.SIZE;
import static org.tcpsim.scenario.load.Parsers.enumChoice;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.snakeyaml.engine.v2.nodes.Node;
import org.tcpsim.scenario.load.BindContext.Obj;
import org.tcpsim.scenario.load.Parsers.P;
import org.tcpsim.scenario.load.Schema.Key;
import org.tcpsim.scenario.model.Action;
import org.tcpsim.scenario.model.ConnId;

/**
 * {@code actions:} (README, Scenario files, {@code actions}): user calls at set times, each
 * with the conn or size its call needs and nothing it does not.
 */
final class ActionsBinder extends SectionBinder {
  private static final P<Action.Call> CALL =
      enumChoice(Key.CALL, Action.Call.values(), Action.Call::key);

  ActionsBinder(BindContext cx) {
    super(cx);
  }

  List<Action> actions(Node n, String path) {
    return cx.eachMap(n, path, "a list of actions such as - { at: 1s, host: A, call: crash }",
        Schema.ACTION, "an action such as { at: 1s, host: A, call: crash }", this::action);
  }

  /** One entry; null when it has problems (they are reported). */
  private Action action(Obj o) {
    Long at = cx.req(o, Key.AT, DURATION);
    cx.timed(at, o, Key.AT);
    String host = cx.req(o, Key.HOST, cx.node(false));
    Action.Call c = cx.req(o, Key.CALL, CALL);
    ConnId conn = cx.opt(o, Key.CONN, cx.connId(true));
    Long size = cx.opt(o, Key.SIZE, SIZE);
    if (o.hasErrors()) {
      return null;
    }
    if (c.needsConn() && conn == null) {
      errors.add(o.loc(), o.p(Key.CONN), "missing for call " + c.key(),
          "the connection, such as \"" + host + ":1024>B:80\"");
    }
    if (!c.needsConn() && conn != null) {
      errors.add(o.keyLoc(Key.CONN), o.p(Key.CONN), "call " + c.key() + " takes no conn",
          "no conn (" + c.key() + " is about the whole host)");
    }
    if (conn != null && !conn.local().host().equals(Optional.of(host))) {
      errors.add(o.loc(Key.CONN), o.p(Key.CONN), "'" + conn.local().display()
          + "' is not an endpoint of host " + host,
          "a connection id LOCAL>REMOTE whose local end is on " + host);
    }
    if (conn != null && conn.isListener() && c != Action.Call.CLOSE && c != Action.Call.ABORT) {
      // RFC 9293 3.10: a passive OPEN in LISTEN takes CLOSE and ABORT; SEND needs a peer.
      errors.add(o.loc(Key.CONN), o.p(Key.CONN), "'" + conn.local().display()
          + ">*' is a listening socket, and call " + c.key() + " needs a connection",
          "LOCAL>REMOTE such as \"" + host + ":1024>B:80\"");
    }
    if (c == Action.Call.SEND && (size == null || size == 0)) {
      errors.add(o.has(Key.SIZE) ? o.loc(Key.SIZE) : o.loc(), o.p(Key.SIZE),
          size == null ? "missing for call send" : "0 bytes", "a size such as 10B");
    }
    if (c != Action.Call.SEND && size != null) {
      errors.add(o.keyLoc(Key.SIZE), o.p(Key.SIZE), "call " + c.key() + " takes no size",
          "size only with call: send");
    }
    if (o.hasErrors()) {
      return null;
    }
    return new Action(at, host, c, Optional.ofNullable(conn),
        size == null ? OptionalLong.empty() : OptionalLong.of(size), o.loc());
  }
}
