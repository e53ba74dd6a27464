package org.tcpsim.scenario.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.net.Node;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.DropReason;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.core.trace.TraceSink;
import org.tcpsim.scenario.model.Action;
import org.tcpsim.scenario.model.App;
import org.tcpsim.scenario.model.Attack;
import org.tcpsim.scenario.model.Close;
import org.tcpsim.scenario.model.ConnId;
import org.tcpsim.scenario.model.Inject;
import org.tcpsim.scenario.model.HostSpec;
import org.tcpsim.scenario.model.LinkSpec;
import org.tcpsim.scenario.model.Scenario;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.TcpDropReason;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Listener;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpError;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.app.AppStats;
import org.tcpsim.tcp.app.Client;
import org.tcpsim.tcp.app.ClosePolicy;
import org.tcpsim.tcp.app.Server;
import org.tcpsim.tcp.app.SynFlooder;
import org.tcpsim.tcp.trace.UserSignal;

/**
 * One run of a scenario: the network, a TCP on every host, the applications, the timed actions,
 * injected segments, rules and attacks, built from the scenario's records; then run to the end
 * and checked against the expectations.
 *
 * <p>Everything random draws from streams named after the element that uses it ({@code
 * app/2/arrivals}, {@code attack/0/syn-flood}), derived from the seed and the replication, so the
 * same scenario and seed give the same run.
 */
public final class Simulation {
  /** Drop reasons whose counters exist (as 0) even when nothing was dropped for them. */
  private static final List<String> COMMON_DROPS = List.of(DropReason.LOSS, DropReason.QUEUE,
      DropReason.RULE, TcpDropReason.CHECKSUM.text(), DropReason.NO_ROUTE, DropReason.HOST_DOWN,
      TcpDropReason.BACKLOG.text(), TcpDropReason.NO_LISTENER.text(),
      TcpDropReason.OUT_OF_WINDOW.text());

  private final Scenario scenario;
  private final long seed;
  private final long until;
  private final Simulator sim = new Simulator();
  private final TraceBus trace = new TraceBus();
  private final Network net;
  private final Map<String, TcpStack> stacks = new LinkedHashMap<>();
  private final Map<String, AppStats> appStats = new LinkedHashMap<>();
  private final List<AppStats> clientStats = new ArrayList<>();
  private final List<SynFlooder> flooders = new ArrayList<>();
  private final Recorder recorder;
  private final Metrics metrics = new Metrics();
  private final Expectations expectations;
  private final List<String> notes = new ArrayList<>();
  private boolean ran;

  /**
   * @param seed the seed (the scenario's unless overridden on the command line)
   * @param replication the replication index (0 for a single run)
   * @param until simulated stop time, ns ({@link Scenario#FOREVER}: until no event remains)
   */
  public Simulation(Scenario scenario, long seed, int replication, long until) {
    this.scenario = scenario;
    this.seed = seed;
    this.until = until;
    this.net = new Network(sim, new RandomStreams(seed, replication), trace);
    this.recorder = new Recorder(stacks);
    buildTopology();
    buildStacks();
    this.expectations = new Expectations(this);
    // After the expectations: they tell the recorder which ladders to keep, and so what it wants.
    trace.subscribe(recorder);
    trace.subscribe(metrics);
    if (!scenario.rules().isEmpty()) {
      net.setInterceptor(new Rules(net, scenario.rules()));
    }
  }

  public Simulation(Scenario scenario) {
    this(scenario, scenario.seed(), 0, scenario.until());
  }

  public Scenario scenario() {
    return scenario;
  }

  public long seed() {
    return seed;
  }

  public Simulator simulator() {
    return sim;
  }

  public Network network() {
    return net;
  }

  /** Subscribes an output (trace writer, pcap, ladder) before the run starts. */
  public void subscribe(TraceSink sink) {
    if (ran) {
      throw new IllegalStateException("subscribe before run()");
    }
    trace.subscribe(sink);
  }

  public Map<String, TcpStack> stacks() {
    return stacks;
  }

  Recorder recorder() {
    return recorder;
  }

  Metrics metrics() {
    return metrics;
  }

  /** Host name of an address, or null when no host has it. */
  public String hostName(int address) {
    Host h = net.hostByAddress(address);
    return h == null ? null : h.name();
  }

  /** {@code A:1024>B:80}: a connection with host names for the addresses hosts have. */
  public String display(ConnectionId id) {
    return display(id.local()) + ">" + (id.remote() == null ? "*" : display(id.remote()));
  }

  /** {@code B:80}, or {@code 198.51.100.7:4242} for an address no host has. */
  public String display(Endpoint e) {
    String name = hostName(e.address());
    return (name != null ? name : Ipv4.format(e.address())) + ":" + e.port();
  }

  /** Application statistics by app, named {@code apps.N}. */
  public Map<String, AppStats> appStats() {
    return appStats;
  }

  /** The statistics of the connecting applications, in the scenario's order. */
  public List<AppStats> clientStats() {
    return clientStats;
  }

  /** Things that went wrong in the run that are not expectations (a CLOSE on a closed connection). */
  public List<String> notes() {
    return notes;
  }

  /**
   * Counters by name: a host's TCP counters ({@code listen.syn-dropped}, ..., and {@code
   * retransmissions}, another name for {@code segments.retransmitted}) when {@code host} is given;
   * otherwise the same summed over every host, plus {@code drops.REASON} for every
   * drop reason seen in the network or a TCP and {@code attack.syns-sent}.
   */
  public Map<String, Long> counters(String host) {
    Map<String, Long> total = new LinkedHashMap<>();
    for (Map.Entry<String, TcpStack> e : stacks.entrySet()) {
      if (host == null || host.equals(e.getKey())) {
        e.getValue().counters().forEach((k, v) -> total.merge(k, v, Long::sum));
      }
    }
    // The name the issue and course material use for segments.retransmitted.
    total.put("retransmissions", total.get("segments.retransmitted"));
    if (host != null) {
      return total;
    }
    for (String reason : COMMON_DROPS) {
      total.put("drops." + reason, 0L);
    }
    recorder.drops().forEach((reason, n) -> total.put("drops." + reason, n));
    total.put("attack.syns-sent", synFloodSent());
    return total;
  }

  public long synFloodSent() {
    return flooders.stream().mapToLong(SynFlooder::sent).sum();
  }

  /** Runs to the end and checks the expectations. */
  public RunResult run() {
    if (ran) {
      throw new IllegalStateException("a simulation runs once");
    }
    ran = true;
    long wallStart = System.nanoTime();
    // Applications start here rather than in the constructor, so that outputs subscribed in
    // between see everything, the listeners' passive OPENs at time 0 included.
    buildApps();
    buildActions();
    buildInjections();
    buildAttacks();
    expectations.schedule();
    if (until == Scenario.FOREVER) {
      sim.run();
    } else {
      sim.runUntil(until);
    }
    long wall = System.nanoTime() - wallStart;
    if (!sim.interrupted()) {
      // An interrupted run has no end to check at: those expectations read "the run ended at T
      // before that time" (README "Outputs").
      expectations.checkAtEnd();
    }
    return new RunResult(this, expectations.results(), wall);
  }

  // ------------------------------------------------------------------------------------- build

  private void buildTopology() {
    for (HostSpec h : scenario.hosts().values()) {
      if (h.router()) {
        net.addRouter(h.name());
      } else {
        net.addHost(h.name(), h.address().getAsInt());
      }
    }
    for (LinkSpec l : scenario.links()) {
      net.connect(net.node(l.a()), net.node(l.b()), l.ab(), l.ba());
    }
  }

  private void buildStacks() {
    for (HostSpec h : scenario.hosts().values()) {
      if (h.router()) {
        continue;
      }
      TcpConfig cfg = scenario.tcpFor(h.name()).applyTo(scenario.profileFor(h.name()).config());
      stacks.put(h.name(), TcpStack.install(net, (Host) net.node(h.name()), cfg));
    }
  }

  private void buildApps() {
    for (int i = 0; i < scenario.apps().size(); i++) {
      App app = scenario.apps().get(i);
      if (app instanceof App.Listen l) {
        listen(l);
      } else if (app instanceof App.Connect c) {
        connect(i, c);
      }
    }
  }

  private Server listen(App.Listen l) {
    TcpStack stack = stacks.get(l.at().host().orElseThrow());
    Server server = new Server(stack, l.at().port(), behaviour(l.behaviour()), l.send(),
        policy(l.close()));
    appStats.merge("listen " + l.at().display(), server.stats(), (a, b) -> b);
    return server;
  }

  private static Server.Behaviour behaviour(App.Behaviour b) {
    return switch (b) {
      case SINK -> Server.Behaviour.SINK;
      case ECHO -> Server.Behaviour.ECHO;
      case SERVE -> Server.Behaviour.SERVE;
    };
  }

  private static ClosePolicy policy(Close c) {
    return switch (c.when()) {
      case ON_PEER_CLOSE -> ClosePolicy.ON_PEER_CLOSE;
      case NEVER -> ClosePolicy.NEVER;
      case AFTER_SEND -> ClosePolicy.AFTER_SEND;
      case AFTER -> ClosePolicy.after(c.after());
    };
  }

  private void connect(int index, App.Connect c) {
    TcpStack stack = stacks.get(c.from());
    AppStats stats = new AppStats();
    clientStats.add(stats);
    String name = "connect " + c.from() + ">" + c.target().display()
        + (c.count() > 1 ? " x" + c.count() : "");
    // Two clients with the same source and target are two apps, each with its own counts.
    appStats.put(appStats.containsKey(name) ? name + " (apps." + index + ")" : name, stats);
    Endpoint target = new Endpoint(c.target().address(), c.target().port());
    Integer iss = c.iss().isPresent() ? (int) c.iss().getAsLong() : null;
    UniformRandomProvider arrivals = c.rate().isPresent()
        ? net.streams().stream("app/" + index + "/arrivals") : null;
    long at = c.at();
    for (int i = 0; i < c.count(); i++) {
      int port = c.port().isPresent() ? c.port().getAsInt() + i : 0;
      new Client(stack, target, port, iss, c.send(), 0, policy(c.close()), stats).startAt(at);
      if (arrivals != null) {
        // Poisson arrivals: exponential gaps with mean 1/rate.
        double u = arrivals.nextDouble();
        at += Math.max(1, Math.round(-Math.log(1 - u) / c.rate().getAsDouble() * Time.SECOND));
      } else if (c.every().isPresent()) {
        at += c.every().getAsLong();
      }
    }
  }

  private void buildActions() {
    for (Action a : scenario.actions()) {
      sim.scheduleAt(a.at(), () -> perform(a));
    }
  }

  private void perform(Action a) {
    TcpStack stack = stacks.get(a.host());
    Host host = (Host) net.node(a.host());
    switch (a.call()) {
      case CRASH -> {
        metrics.crashing(stack.connections(), sim.now());
        stack.crash();
        host.setUp(false);
        return;
      }
      case RESTART -> {
        host.setUp(true);
        for (App app : scenario.apps()) {
          if (app instanceof App.Listen l && l.at().host().orElseThrow().equals(a.host())
              && stack.listener(l.at().port()) == null) {
            listen(l);
          }
        }
        return;
      }
      default -> { }
    }
    ConnId conn = a.conn().orElseThrow();
    ConnectionId id = connectionId(conn);
    try {
      if (a.call() == Action.Call.OPEN) {
        stack.open(id.local().port(), id.remote(), new SocketHandler() {});
        return;
      }
      if (conn.isListener()) {
        closeListener(stack, a.call(), id);
        return;
      }
      Connection c = stack.connection(id);
      if (c == null) {
        throw new TcpError(TcpError.DOES_NOT_EXIST);
      }
      switch (a.call()) {
        case SEND -> c.send((int) a.size().orElse(0));
        case CLOSE -> c.close();
        case ABORT -> c.abort();
        default -> throw new IllegalStateException(a.call().toString());
      }
    } catch (TcpError e) {
      // RFC 9293 3.10: the user call fails and the user is told why; so is the trace.
      TcpSignal signal = e.response();
      notes.add(a.loc() + ": " + a.call().key() + " " + display(id) + " at " + Time.format(a.at())
          + ": " + signal.text());
      trace.publish(new UserSignal(sim.now(), a.host(), id, signal));
    }
  }

  /** CLOSE or ABORT of a passive OPEN in LISTEN (RFC 9293 3.10.4, 3.10.5). */
  private static void closeListener(TcpStack stack, Action.Call call, ConnectionId id) {
    Listener l = stack.listener(id.local().port());
    if (l == null || !l.isOpen()) {
      throw new TcpError(TcpError.DOES_NOT_EXIST);
    }
    if (call == Action.Call.ABORT) {
      l.abort();
    } else {
      l.close();
    }
  }

  static ConnectionId connectionId(ConnId c) {
    Endpoint local = new Endpoint(c.local().address(), c.local().port());
    return c.remote()
        .map(r -> new ConnectionId(local, new Endpoint(r.address(), r.port())))
        .orElse(ConnectionId.listening(local));
  }

  private void buildInjections() {
    for (Inject in : scenario.inject()) {
      TcpStack via = injector(in.via());
      Segment.Builder b = Segment.builder()
          .ports(in.from().port(), in.to().port())
          .seq((int) in.seq())
          .flags(in.flags())
          .window(in.window())
          .dataLength(in.len());
      if ((in.flags() & TcpFlags.ACK) != 0) {
        b.ack((int) in.ack());
      }
      Segment seg = b.build();
      Endpoint src = new Endpoint(in.from().address(), in.from().port());
      Endpoint dst = new Endpoint(in.to().address(), in.to().port());
      String cause = "crafted by the scenario (" + in.loc() + ")";
      sim.scheduleAt(in.at(), () -> via.inject(src, dst, seg, cause));
    }
  }

  /**
   * The TCP a crafted segment leaves from: the host's own, or for a router or an attacker node a
   * bare TCP that only injects (it is not installed, so the node hears nothing).
   */
  private final Map<String, TcpStack> injectors = new LinkedHashMap<>();

  private TcpStack injector(String node) {
    TcpStack own = stacks.get(node);
    if (own != null) {
      return own;
    }
    return injectors.computeIfAbsent(node, n -> {
      Node x = net.node(n);
      return new TcpStack(sim, trace, net.streams(), n, 0, TcpConfig.defaults(), x::send);
    });
  }

  private void buildAttacks() {
    for (int i = 0; i < scenario.attacks().size(); i++) {
      Attack a = scenario.attacks().get(i);
      if (a instanceof Attack.SynFlood f) {
        Node from = net.node(f.from());
        if (from == null) {
          from = addAttacker(f);
        }
        if (f.spoof().isPresent()) {
          // Replies to the spoofed sources travel back towards the attacker and vanish there.
          from.addPrefix(f.spoof().get());
        }
        Endpoint target = new Endpoint(f.target().address(), f.target().port());
        flooders.add(new SynFlooder(injector(f.from()), target, f.rate(), f.start(),
            f.stop() == Scenario.FOREVER ? Long.MAX_VALUE : f.stop(), f.spoof().orElse(null),
            net.streams().stream("attack/" + i + "/syn-flood")));
      }
    }
  }

  /**
   * An attacker named in an attack but not under {@code hosts}: a node with no address and no
   * TCP, linked (1 ms, unlimited rate) to the router next to the target, or to the target itself.
   */
  private Node addAttacker(Attack.SynFlood f) {
    String target = f.target().host().orElseThrow();
    Node attach = net.node(target);
    for (LinkSpec l : scenario.links()) {
      String other = l.a().equals(target) ? l.b() : l.b().equals(target) ? l.a() : null;
      if (other != null && scenario.host(other).map(HostSpec::router).orElse(false)) {
        attach = net.node(other);
        break;
      }
    }
    Node m = net.addRouter(f.from());
    net.connect(m, attach, ChannelConfig.DEFAULT.withDelay(Time.MS));
    return m;
  }
}
