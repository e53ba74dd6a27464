package org.tcpsim.core.net;

/** A node's end of a link: the channel it transmits on, and the interface at the far end. */
public final class NetInterface {
  private final Node node;
  private final Link link;
  private Channel channel;
  private NetInterface peer;

  NetInterface(Node node, Link link) {
    this.node = node;
    this.link = link;
  }

  void wire(Channel out, NetInterface peer) {
    this.channel = out;
    this.peer = peer;
  }

  public Node node() {
    return node;
  }

  public Link link() {
    return link;
  }

  /** The channel this interface transmits on. */
  public Channel channel() {
    return channel;
  }

  /** The interface at the other end of the link. */
  public NetInterface peer() {
    return peer;
  }

  @Override
  public String toString() {
    return node.name() + "@" + link.name();
  }
}
