package org.tcpsim.scenario.model;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** An entry of {@code apps:}: a {@link Listen} server or a {@link Connect} client. */
public sealed interface App permits App.Listen, App.Connect {
  Loc loc();

  /** What a server does with an accepted connection. */
  enum Behaviour {
    /** Reads and discards everything. */
    SINK("sink"),
    /** Sends back everything it reads. */
    ECHO("echo"),
    /** Sends {@code send} bytes once the connection is established. */
    SERVE("serve");

    private final String key;

    Behaviour(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /**
   * {@code { listen: B:80, behaviour: serve, send: 10KB, close: after-send }}.
   *
   * @param send bytes to send on every accepted connection (SERVE only; 0 otherwise)
   */
  record Listen(EndpointRef at, Behaviour behaviour, long send, Close close, Loc loc)
      implements App {}

  /**
   * {@code { connect: B:80, from: A, at: 0s, port: 1024, iss: 100, send: 10KB, close:
   * after-send }}; with {@code count} greater than one, several clients start {@code every}
   * apart or as a Poisson process of {@code rate} per second.
   *
   * @param from the client's host
   * @param at when the (first) client calls connect, ns
   * @param port the first client's local port (client i uses port + i); empty: the host picks
   * @param iss the clients' initial send sequence number; empty: the host's ISN generator
   * @param send bytes to send once connected (0: none)
   * @param count how many clients, at least 1
   * @param every time between client starts, ns (count &gt; 1, not with rate)
   * @param rate Poisson arrival rate of clients per second (not with every)
   */
  record Connect(
      EndpointRef target,
      String from,
      long at,
      OptionalInt port,
      OptionalLong iss,
      long send,
      Close close,
      int count,
      OptionalLong every,
      OptionalDouble rate,
      Loc loc)
      implements App {}
}
