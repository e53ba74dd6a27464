package org.tcpsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.LossModel;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.app.AppStats;
import org.tcpsim.tcp.app.Client;
import org.tcpsim.tcp.app.ClosePolicy;
import org.tcpsim.tcp.app.Server;

/**
 * Whole-stack speed: one bulk transfer of 10 MB (1460-byte segments, 100 Mbps, 10 ms, NewReno)
 * from OPEN to both ends CLOSED, with no trace sink. The score is transfers per second; divide
 * the simulator's event count (printed once by {@link #main}) by it for events per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class TransferBenchmark {
  @Param({"0", "0.01"})
  public double loss;

  @Benchmark
  public long bulkTransfer() {
    return run(loss);
  }

  static long run(double loss) {
    Simulator sim = new Simulator();
    Network net = new Network(sim, new RandomStreams(1), new TraceBus());
    Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    Host b = net.addHost("B", Ipv4.parse("10.0.0.2"));
    ChannelConfig link = ChannelConfig.of(100_000_000, 10 * Time.MS);
    net.connect(a, b, loss > 0 ? link.withLoss(new LossModel.Bernoulli(loss)) : link);
    TcpConfig cfg = TcpConfig.defaults().with("mss", "1460");
    TcpStack ta = TcpStack.install(net, a, cfg);
    TcpStack tb = TcpStack.install(net, b, cfg);
    Server server = Server.sink(tb, 80);
    new Client(ta, new Endpoint(b.address(), 80), 0, null, 10_000_000, 0, ClosePolicy.AFTER_SEND,
        new AppStats()).startAt(0);
    sim.run();
    if (server.stats().bytesReceived() != 10_000_000) {
      throw new IllegalStateException("transfer incomplete: " + server.stats().bytesReceived());
    }
    return sim.eventsExecuted();
  }

  /** Prints the events per transfer and a rough wall-clock rate, outside JMH. */
  public static void main(String[] args) {
    for (double loss : new double[] {0, 0.01}) {
      long events = 0;
      long t0 = 0;
      for (int i = 0; i < 30; i++) {
        if (i == 10) {
          t0 = System.nanoTime();
        }
        events = run(loss);
      }
      double secs = (System.nanoTime() - t0) / 1e9 / 20;
      System.out.printf("loss %.2f: %d events per transfer, %.1f ms per transfer, %.2f M events/s%n",
          loss, events, secs * 1e3, events / secs / 1e6);
    }
  }
}
