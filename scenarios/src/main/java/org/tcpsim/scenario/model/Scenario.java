package org.tcpsim.scenario.model;

import org.tcpsim.tcp.Profile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario file, bound and checked. Immutable; every element keeps where it was written.
 *
 * @param until simulated stop time, ns; {@link Long#MAX_VALUE} when not given (run until no
 *     event remains)
 * @param profile the default profile of every host
 * @param tcp the settings every host gets (a host's own {@code tcp:} overrides them)
 * @param hosts hosts and routers by name, in file order
 */
public record Scenario(
    String name,
    Optional<String> description,
    long seed,
    long until,
    Profile profile,
    TcpOverrides tcp,
    Map<String, HostSpec> hosts,
    List<LinkSpec> links,
    List<App> apps,
    List<Action> actions,
    List<Inject> inject,
    List<Rule> rules,
    List<Attack> attacks,
    List<Expectation> expect,
    Optional<Sweep> sweep,
    Loc loc) {

  public static final long DEFAULT_SEED = 1;
  public static final long FOREVER = Long.MAX_VALUE;

  public Scenario {
    hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    links = List.copyOf(links);
    apps = List.copyOf(apps);
    actions = List.copyOf(actions);
    inject = List.copyOf(inject);
    rules = List.copyOf(rules);
    attacks = List.copyOf(attacks);
    expect = List.copyOf(expect);
  }

  public Optional<HostSpec> host(String name) {
    return Optional.ofNullable(hosts.get(name));
  }

  /** The profile of a host: its own, else the scenario's. */
  public Profile profileFor(String host) {
    return host(host).flatMap(HostSpec::profile).orElse(profile);
  }

  /** The overrides that apply to a host: the scenario's {@code tcp:} overlaid by the host's. */
  public TcpOverrides tcpFor(String host) {
    return host(host).map(h -> tcp.overlaidBy(h.tcp())).orElse(tcp);
  }
}
