package org.tcpsim.tcp.app;

import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.TcpError;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.TcpState;

/** Small helpers the built-in applications share. */
final class Apps {
  private Apps() {}

  /** Queues {@code bytes} octets (simulated length only) in chunks SEND accepts. */
  static void sendAll(Connection c, long bytes, AppStats stats) {
    long left = bytes;
    while (left > 0) {
      int n = (int) Math.min(left, 1 << 30);
      c.send(n);
      left -= n;
    }
    stats.bytesSent += bytes;
  }

  /** CLOSE, ignoring "connection closing" / "does not exist" when the connection is already going. */
  static void closeQuietly(Connection c) {
    if (c.state() == TcpState.CLOSED) {
      return;
    }
    try {
      c.close();
    } catch (TcpError e) {
      // Already closing or closed: the application's CLOSE has nothing left to do.
    }
  }

  static void countClose(AppStats stats, TcpSignal signal) {
    if (signal == TcpSignal.CLOSED) {
      stats.connectionsClosed++;
    } else {
      stats.connectionsFailed++;
    }
  }
}
