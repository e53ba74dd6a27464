package org.tcpsim.core.trace;

/** The network's drop reasons, as written in traces. Upper layers add their own. */
public final class DropReason {
  /** Lost on the link (Bernoulli or Gilbert-Elliott loss). */
  public static final String LOSS = "loss";
  /** The link's drop-tail queue was full. */
  public static final String QUEUE = "queue";
  /** No route to the destination address. */
  public static final String NO_ROUTE = "no-route";
  /** The host is down (crashed) and hears nothing. */
  public static final String HOST_DOWN = "host-down";
  /** A host received a packet addressed to someone else; hosts do not forward. */
  public static final String NOT_FOR_HOST = "not-for-host";
  /** Dropped by a scenario rule. */
  public static final String RULE = "rule";

  private DropReason() {}
}
