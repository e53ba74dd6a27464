package org.tcpsim.scenario.run;

import java.util.List;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.net.NetInterface;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.net.Node;
import org.tcpsim.core.net.Packet;
import org.tcpsim.core.net.PacketInterceptor;
import org.tcpsim.core.trace.DropReason;
import org.tcpsim.scenario.model.Rule;
import org.tcpsim.tcp.Segment;

/**
 * A scenario's {@code rules:}: each rule counts the packets entering the network that match it
 * and acts on the n-th (or on every one when no {@code nth} is given). Every rule counts every
 * matching packet, whatever other rules did to it; when several act on one packet, a drop wins,
 * and otherwise the packet is corrupted, duplicated and delayed (delays add up) as they say.
 */
final class Rules implements PacketInterceptor {
  private final Simulator sim;
  private final Network net;
  private final List<Rule> rules;
  private final long[] seen;
  private final long[] fired;

  Rules(Network net, List<Rule> rules) {
    this.sim = net.simulator();
    this.net = net;
    this.rules = List.copyOf(rules);
    this.seen = new long[rules.size()];
    this.fired = new long[rules.size()];
  }

  /** How many packets rule {@code i} acted on. */
  long fired(int i) {
    return fired[i];
  }

  @Override
  public boolean intercept(Node from, Packet p) {
    boolean drop = false;
    boolean corrupt = false;
    boolean duplicate = false;
    long delay = 0;
    boolean acted = false;
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      if (!matches(r.match(), p)) {
        continue;
      }
      seen[i]++;
      if (r.match().nth().isPresent() && seen[i] != r.match().nth().getAsInt()) {
        continue;
      }
      fired[i]++;
      acted = true;
      switch (r.verdict()) {
        case DROP -> drop = true;
        case CORRUPT -> corrupt = true;
        case DUPLICATE -> duplicate = true;
        case DELAY -> delay += r.delay();
      }
    }
    if (!acted) {
      return false;
    }
    if (drop) {
      NetInterface out = from.route(p.dst());
      net.dropped(out == null ? from.name() : out.link().name(), DropReason.RULE, p);
      return true;
    }
    Packet q = corrupt ? p.withCorrupted() : p;
    int copies = duplicate ? 2 : 1;
    if (delay == 0) {
      for (int c = 0; c < copies; c++) {
        from.transmit(q);
      }
    } else {
      sim.schedule(delay, () -> {
        for (int c = 0; c < copies; c++) {
          from.transmit(q);
        }
      });
    }
    return true;
  }

  private boolean matches(Rule.Match m, Packet p) {
    long now = sim.now();
    if (m.after().isPresent() && now < m.after().getAsLong()) {
      return false;
    }
    if (m.before().isPresent() && now >= m.before().getAsLong()) {
      return false;
    }
    if (!(p.payload() instanceof Segment s)) {
      return false;
    }
    if (m.from().isPresent() && !m.from().get().matches(p.src(), s.srcPort())) {
      return false;
    }
    if (m.to().isPresent() && !m.to().get().matches(p.dst(), s.dstPort())) {
      return false;
    }
    if (m.flags().isPresent() && s.flags() != m.flags().getAsInt()) {
      return false;
    }
    return (s.flags() & m.has()) == m.has();
  }
}
