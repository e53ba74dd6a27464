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
  long completedBytes;
  final Samples handshakeTimes = new Samples();
  final Samples completionTimes = new Samples();

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

  /** Bytes sent and received by the connections that completed. */
  public long completedBytes() {
    return completedBytes;
  }

  /** Each established connection's time from OPEN to ESTABLISHED, ns, in order. */
  public Samples handshakeTimes() {
    return handshakeTimes;
  }

  /** Each completed connection's time from OPEN to completion, ns, in order. */
  public Samples completionTimes() {
    return completionTimes;
  }
}
