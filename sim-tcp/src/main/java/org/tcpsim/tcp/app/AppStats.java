package org.tcpsim.tcp.app;

/** What an application saw, for summaries and sweeps. Mutable, owned by one application. */
public final class AppStats {
  long connectionsOpened;
  long connectionsEstablished;
  long connectionsClosed;
  long connectionsFailed;
  long bytesSent;
  long bytesReceived;
  long handshakeTimeSum;
  long completionTimeSum;
  long completions;

  public long connectionsOpened() {
    return connectionsOpened;
  }

  public long connectionsEstablished() {
    return connectionsEstablished;
  }

  public long connectionsClosed() {
    return connectionsClosed;
  }

  /** Connections that ended by reset, refusal or timeout. */
  public long connectionsFailed() {
    return connectionsFailed;
  }

  public long bytesSent() {
    return bytesSent;
  }

  public long bytesReceived() {
    return bytesReceived;
  }

  /** Mean time from OPEN to ESTABLISHED over established connections, ns (NaN if none). */
  public double meanHandshakeTime() {
    return connectionsEstablished == 0 ? Double.NaN : (double) handshakeTimeSum / connectionsEstablished;
  }

  /** Mean time from OPEN until all data was acknowledged (or the response arrived), ns. */
  public double meanCompletionTime() {
    return completions == 0 ? Double.NaN : (double) completionTimeSum / completions;
  }

  public long completions() {
    return completions;
  }
}
