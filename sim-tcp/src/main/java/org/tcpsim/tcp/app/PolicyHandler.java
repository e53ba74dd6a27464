package org.tcpsim.tcp.app;

import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.SocketHandler;

/** What every built-in application does at the end: close per its policy, count the outcome. */
abstract class PolicyHandler implements SocketHandler {
  private final ClosePolicy close;
  private final AppStats stats;

  PolicyHandler(ClosePolicy close, AppStats stats) {
    this.close = close;
    this.stats = stats;
  }

  @Override
  public void peerClosed(Connection c) {
    if (close.kind() == ClosePolicy.Kind.ON_PEER_CLOSE) {
      Apps.closeQuietly(c);
    }
  }

  @Override
  public void closed(Connection c, TcpSignal signal) {
    Apps.countClose(stats, signal);
  }
}
