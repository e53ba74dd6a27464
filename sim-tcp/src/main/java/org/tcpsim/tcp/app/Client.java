package org.tcpsim.tcp.app;

import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.TcpStack;

/**
 * A client that opens a connection at a given time and then either sends {@code sendBytes} (a
 * bulk sender) or sends a request of {@code sendBytes} and waits for {@code responseBytes} (a
 * request/response client). It closes per its {@link ClosePolicy}: after-send closes once the
 * data (and the response, if one is expected) is done.
 */
public final class Client {
  private final TcpStack stack;
  private final Endpoint target;
  private final int localPort;
  private final Integer iss;
  private final long sendBytes;
  private final long responseBytes;
  private final ClosePolicy close;
  private final AppStats stats;

  public Client(TcpStack stack, Endpoint target, int localPort, Integer iss, long sendBytes,
      long responseBytes, ClosePolicy close, AppStats stats) {
    this.stack = stack;
    this.target = target;
    this.localPort = localPort;
    this.iss = iss;
    this.sendBytes = sendBytes;
    this.responseBytes = responseBytes;
    this.close = close;
    this.stats = stats;
  }

  /** Opens the connection at absolute simulated time {@code at}. */
  public void startAt(long at) {
    stack.simulator().scheduleAt(at, this::open);
  }

  /** Opens the connection now; returns it (null when OPEN failed, e.g. the 4-tuple is in use). */
  public Connection open() {
    stats.connectionsOpened++;
    try {
      return stack.open(localPort, target, new Handler(stack.now()), iss);
    } catch (org.tcpsim.tcp.TcpError e) {
      stats.connectionsFailed++;
      return null;
    }
  }

  private final class Handler extends PolicyHandler {
    private final long openedAt;
    private long received;
    private boolean sendDone;
    private boolean completed;

    Handler(long openedAt) {
      super(close, stats);
      this.openedAt = openedAt;
    }

    @Override
    public void connected(Connection c) {
      stats.connectionsEstablished++;
      stats.handshakeTimeSum += c.handshakeTime();
      stats.handshakeTimes.add(c.handshakeTime());
      if (sendBytes > 0) {
        Apps.sendAll(c, sendBytes, stats);
      } else {
        sendDone = true;
        maybeFinish(c);
      }
      if (close.kind() == ClosePolicy.Kind.AFTER_DELAY) {
        stack.simulator().schedule(close.delay(), () -> Apps.closeQuietly(c));
      }
    }

    @Override
    public void sendBufferEmpty(Connection c) {
      sendDone = true;
      maybeFinish(c);
    }

    @Override
    public void data(Connection c, int length, byte[] data) {
      stats.bytesReceived += length;
      received += length;
      maybeFinish(c);
    }

    private void maybeFinish(Connection c) {
      if (completed || !sendDone || received < responseBytes) {
        return;
      }
      completed = true;
      stats.completions++;
      stats.completionTimeSum += stack.now() - openedAt;
      stats.completionTimes.add(stack.now() - openedAt);
      stats.completedBytes += sendBytes + received;
      if (close.kind() == ClosePolicy.Kind.AFTER_SEND) {
        Apps.closeQuietly(c);
      }
    }
  }
}
