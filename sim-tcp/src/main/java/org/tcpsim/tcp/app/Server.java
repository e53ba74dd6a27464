package org.tcpsim.tcp.app;

import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.Listener;
import org.tcpsim.tcp.TcpStack;

/**
 * A listening application: {@code sink} reads and discards, {@code echo} sends back what it reads,
 * {@code serve} sends {@code serveBytes} to each client. It closes per its {@link ClosePolicy}
 * (default: when the peer closes).
 */
public final class Server {
  public enum Behaviour {
    SINK,
    ECHO,
    SERVE
  }

  private final TcpStack stack;
  private final Behaviour behaviour;
  private final long serveBytes;
  private final ClosePolicy close;
  private final AppStats stats = new AppStats();
  private final Listener listener;

  public Server(TcpStack stack, int port, Behaviour behaviour, long serveBytes, ClosePolicy close) {
    this.stack = stack;
    this.behaviour = behaviour;
    this.serveBytes = serveBytes;
    this.close = close;
    this.listener = stack.listen(port, c -> new Handler());
  }

  public static Server sink(TcpStack stack, int port) {
    return new Server(stack, port, Behaviour.SINK, 0, ClosePolicy.ON_PEER_CLOSE);
  }

  public Listener listener() {
    return listener;
  }

  public AppStats stats() {
    return stats;
  }

  private final class Handler extends PolicyHandler {
    Handler() {
      super(close, stats);
    }

    @Override
    public void connected(Connection c) {
      stats.connectionsEstablished++;
      if (behaviour == Behaviour.SERVE && serveBytes > 0) {
        Apps.sendAll(c, serveBytes, stats);
        if (close.kind() == ClosePolicy.Kind.AFTER_SEND) {
          Apps.closeQuietly(c);
        }
      }
      if (close.kind() == ClosePolicy.Kind.AFTER_DELAY) {
        stack.simulator().schedule(close.delay(), () -> Apps.closeQuietly(c));
      }
    }

    @Override
    public void data(Connection c, int length, byte[] data) {
      stats.bytesReceived += length;
      if (behaviour == Behaviour.ECHO) {
        try {
          c.send(length, data);
          stats.bytesSent += length;
        } catch (org.tcpsim.tcp.TcpError e) {
          // The connection is closing: nothing more can be echoed.
        }
      }
    }
  }
}
