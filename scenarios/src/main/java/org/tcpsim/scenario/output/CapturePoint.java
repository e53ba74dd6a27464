package org.tcpsim.scenario.output;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Where a {@link PcapWriter} listens, as a capture tool would be attached in a real network: on
 * every host's interface, on one node, or on one link.
 */
public sealed interface CapturePoint {
  /**
   * Whether a packet that {@code node} handed to {@code channel} ({@code A>B}) is captured.
   */
  boolean capturesSent(String node, String channel);

  /** Whether a packet that arrived at {@code node} over {@code channel} is captured. */
  boolean capturesReceived(String node, String channel);

  /**
   * Every host's interfaces, as if tcpdump ran on each end system: what a host sends and what
   * reaches it; routers are left out. A packet between two hosts therefore appears twice, once
   * as it leaves and once as it arrives (unless it was lost on the way). The default.
   *
   * @param isHost tells hosts from routers by node name
   */
  static CapturePoint allHosts(Predicate<String> isHost) {
    return new AllHosts(isHost);
  }

  /** Every packet one node (host or router) sends or receives, on all its interfaces. */
  static CapturePoint node(String name) {
    return new AtNode(name);
  }

  /**
   * One link, named {@code A-B} as links are: every packet entering it in either direction
   * ({@code A>B} or {@code B>A}), before the link loses, corrupts or queues it, as a tap at the
   * sending ends would see it.
   */
  static CapturePoint link(String name) {
    return new OnLink(name);
  }

  /** See {@link #allHosts}. */
  record AllHosts(Predicate<String> isHost) implements CapturePoint {
    public AllHosts {
      Objects.requireNonNull(isHost, "isHost");
    }

    @Override
    public boolean capturesSent(String node, String channel) {
      return isHost.test(node);
    }

    @Override
    public boolean capturesReceived(String node, String channel) {
      return isHost.test(node);
    }
  }

  /** See {@link #node}. */
  record AtNode(String name) implements CapturePoint {
    public AtNode {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean capturesSent(String node, String channel) {
      return name.equals(node);
    }

    @Override
    public boolean capturesReceived(String node, String channel) {
      return name.equals(node);
    }
  }

  /** See {@link #link}. */
  record OnLink(String name) implements CapturePoint {
    public OnLink {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean capturesSent(String node, String channel) {
      return channel != null && isDirectionOf(channel);
    }

    /** Arrivals are the same packets seen again (minus losses), so they are not captured. */
    @Override
    public boolean capturesReceived(String node, String channel) {
      return false;
    }

    /**
     * Whether channel {@code X>Y} is a direction of this link, named {@code X-Y} or {@code Y-X}.
     * Compared piece by piece rather than by splitting the link name, because node names may
     * themselves contain hyphens ({@code client-1-server}); and without building strings, since
     * this runs for every packet.
     */
    private boolean isDirectionOf(String channel) {
      int gt = channel.indexOf('>');
      if (gt < 0 || channel.length() != name.length()) {
        return false;
      }
      int rest = channel.length() - gt - 1;
      boolean forward = name.charAt(gt) == '-'
          && name.regionMatches(0, channel, 0, gt)
          && name.regionMatches(gt + 1, channel, gt + 1, rest);
      boolean backward = name.charAt(rest) == '-'
          && name.regionMatches(0, channel, gt + 1, rest)
          && name.regionMatches(rest + 1, channel, 0, gt);
      return forward || backward;
    }
  }
}
