package org.tcpsim.scenario.model;

import org.tcpsim.tcp.Profile;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A node under {@code hosts:}: a host with an address and TCP, or a router ({@code router:
 * true}) that forwards packets and has neither.
 *
 * @param address the IPv4 address as an int (see {@code org.tcpsim.core.net.Ipv4}); empty for
 *     routers
 * @param profile this host's profile, when it differs from the scenario's
 * @param tcp this host's own overrides (not merged with the scenario's; see {@link
 *     Scenario#tcpFor(String)})
 */
public record HostSpec(
    String name,
    boolean router,
    OptionalInt address,
    Optional<Profile> profile,
    TcpOverrides tcp,
    Loc loc) {}
