package org.tcpsim.scenario.packetdrill;

import java.util.List;

/**
 * The TCP options of a packet line: none written, {@code <...>} (any options: the packet's
 * options are not checked), or a list in order such as {@code <mss 1460,nop,nop,sackOK>}.
 */
public record TcpOptions(boolean any, List<TcpOption> list) {
  public static final TcpOptions NONE = new TcpOptions(false, List.of());
  public static final TcpOptions ANY = new TcpOptions(true, List.of());

  public TcpOptions {
    list = List.copyOf(list);
    if (any && !list.isEmpty()) {
      throw new IllegalArgumentException("<...> has no list");
    }
  }

  public static TcpOptions of(List<TcpOption> list) {
    return new TcpOptions(false, list);
  }
}
