package org.tcpsim.core.net;

/** A full-duplex point-to-point link: two independent channels, one per direction. */
public final class Link {
  private final String name;
  private final int index;
  private final NetInterface a;
  private final NetInterface b;
  private final Channel ab;
  private final Channel ba;

  Link(Network net, int index, Node na, Node nb, ChannelConfig abConfig, ChannelConfig baConfig) {
    this.name = na.name() + "-" + nb.name();
    this.index = index;
    this.a = new NetInterface(na, this);
    this.b = new NetInterface(nb, this);
    this.ab = new Channel(net, this, a, b, abConfig);
    this.ba = new Channel(net, this, b, a, baConfig);
    a.wire(ab, b);
    b.wire(ba, a);
    na.attach(a);
    nb.attach(b);
  }

  /** {@code A-B}, after the two nodes in the order they were given. */
  public String name() {
    return name;
  }

  /** Position in the order links were added; routing breaks ties with it. */
  public int index() {
    return index;
  }

  public NetInterface a() {
    return a;
  }

  public NetInterface b() {
    return b;
  }

  /** The channel from {@link #a()} to {@link #b()}. */
  public Channel forward() {
    return ab;
  }

  /** The channel from {@link #b()} to {@link #a()}. */
  public Channel reverse() {
    return ba;
  }

  /** The channel that carries packets from {@code from}. */
  public Channel from(Node from) {
    if (a.node() == from) {
      return ab;
    }
    if (b.node() == from) {
      return ba;
    }
    throw new IllegalArgumentException(from.name() + " is not an end of link " + name);
  }

  @Override
  public String toString() {
    return name;
  }
}
