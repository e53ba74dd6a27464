package org.tcpsim.scenario.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Packet;
import org.tcpsim.core.trace.PacketDropped;
import org.tcpsim.core.trace.PacketSent;
import org.tcpsim.core.trace.QueueLength;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.app.AppStats;
import org.tcpsim.tcp.app.Client;
import org.tcpsim.tcp.app.ClosePolicy;
import org.tcpsim.tcp.app.Server;
import org.tcpsim.tcp.trace.SegmentSent;

/** The text trace of real runs, line by line. Host A has ISS 100, B ISS 300; 5 ms each way. */
class TextTraceWriterTest {

  /** The handshake of Figure 6 and 10 octets from A at 20 ms, traced until 30 ms. */
  private static String handshake(TextTraceWriter.Options options) throws IOException {
    TwoPeers n = new TwoPeers();
    StringWriter out = new StringWriter();
    TextTraceWriter writer = new TextTraceWriter(out, n.hostName, options);
    n.trace.subscribe(writer);
    Server.sink(n.sb, 80);
    new Client(n.sa, n.b80, 1024, null, 0, 0, ClosePolicy.NEVER, new AppStats()).startAt(0);
    n.at("20ms", () -> n.connA().send(10));
    n.runUntil("30ms");
    writer.close();
    return out.toString();
  }

  @Test
  void handshakeWithRelativeSequenceNumbers() throws IOException {
    assertThat(handshake(TextTraceWriter.Options.DEFAULT)).isEqualTo("""
                 time  host  event   what
          0.000000000  B     state   B:80>*           CLOSED -> LISTEN
          0.000000000  A     state   A:1024>B:80      CLOSED -> SYN-SENT
          0.000000000  A     send    A:1024 > B:80    [SYN]       seq=0 win=65535 len=0 mss=536
          0.005000000  B     recv    A:1024 > B:80    [SYN]       seq=0 win=65535 len=0 mss=536
          0.005000000  B     listen  B:80>*           syn-queued  syn-queue=1 accept-queue=0
          0.005000000  B     state   B:80>A:1024      LISTEN -> SYN-RECEIVED
          0.005000000  B     send    B:80 > A:1024    [SYN, ACK]  seq=0 ack=1 win=65535 len=0 mss=536
          0.010000000  A     recv    B:80 > A:1024    [SYN, ACK]  seq=0 ack=1 win=65535 len=0 mss=536
          0.010000000  A     state   A:1024>B:80      SYN-SENT -> ESTABLISHED
          0.010000000  A     send    A:1024 > B:80    [ACK]       seq=1 ack=1 win=65535 len=0
          0.010000000  A     user    A:1024>B:80      connected
          0.015000000  B     recv    A:1024 > B:80    [ACK]       seq=1 ack=1 win=65535 len=0
          0.015000000  B     state   B:80>A:1024      SYN-RECEIVED -> ESTABLISHED
          0.015000000  B     user    B:80>A:1024      connected
          0.015000000  B     listen  B:80>*           accepted  syn-queue=0 accept-queue=0
          0.020000000  A     send    A:1024 > B:80    [PSH, ACK]  seq=1 ack=1 win=65535 len=10
          0.025000000  B     recv    A:1024 > B:80    [PSH, ACK]  seq=1 ack=1 win=65535 len=10
        """);
  }

  @Test
  void handshakeWithAbsoluteSequenceNumbers() throws IOException {
    String text = handshake(TextTraceWriter.Options.DEFAULT.withRelativeSeq(false));
    assertThat(text.lines().filter(l -> l.contains(" send ") || l.contains(" recv ")))
        .containsExactly(
            "  0.000000000  A     send    A:1024 > B:80    [SYN]       seq=100 win=65535 len=0 mss=536",
            "  0.005000000  B     recv    A:1024 > B:80    [SYN]       seq=100 win=65535 len=0 mss=536",
            "  0.005000000  B     send    B:80 > A:1024    [SYN, ACK]  seq=300 ack=101 win=65535 len=0 mss=536",
            "  0.010000000  A     recv    B:80 > A:1024    [SYN, ACK]  seq=300 ack=101 win=65535 len=0 mss=536",
            "  0.010000000  A     send    A:1024 > B:80    [ACK]       seq=101 ack=301 win=65535 len=0",
            "  0.015000000  B     recv    A:1024 > B:80    [ACK]       seq=101 ack=301 win=65535 len=0",
            "  0.020000000  A     send    A:1024 > B:80    [PSH, ACK]  seq=101 ack=301 win=65535 len=10",
            "  0.025000000  B     recv    A:1024 > B:80    [PSH, ACK]  seq=101 ack=301 win=65535 len=10");
  }

  @Test
  void explainAddsTheCauseUnderEveryLineThatHasOne() throws IOException {
    String text = handshake(TextTraceWriter.Options.DEFAULT.withExplain(true));
    assertThat(text).startsWith("""
                 time  host  event   what
          0.000000000  B     state   B:80>*           CLOSED -> LISTEN
                             why: passive OPEN (RFC 9293 3.10.1)
          0.000000000  A     state   A:1024>B:80      CLOSED -> SYN-SENT
                             why: active OPEN: <SEQ=ISS><CTL=SYN> sent (RFC 9293 3.10.1)
          0.000000000  A     send    A:1024 > B:80    [SYN]       seq=0 win=65535 len=0 mss=536
                             why: active OPEN (RFC 9293 3.10.1)
          0.005000000  B     recv    A:1024 > B:80    [SYN]       seq=0 win=65535 len=0 mss=536
          0.005000000  B     listen  B:80>*           syn-queued  syn-queue=1 accept-queue=0
          0.005000000  B     state   B:80>A:1024      LISTEN -> SYN-RECEIVED
                             why: SYN in LISTEN: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> sent (RFC 9293 3.10.7.2, third check)
        """);
    assertThat(text).contains("""
          0.015000000  B     state   B:80>A:1024      SYN-RECEIVED -> ESTABLISHED
                             why: ACK acceptable in SYN-RECEIVED (RFC 9293 3.10.7.4, fifth check)
        """);
    // Without explain the same lines, and no others.
    String plain = handshake(TextTraceWriter.Options.DEFAULT);
    assertThat(text.lines().filter(l -> !l.contains("why: ")))
        .containsExactlyElementsOf(plain.lines().toList());
  }

  @Test
  void networkDropsShowWhereAndWhy() throws IOException {
    TwoPeers n = new TwoPeers(ChannelConfig.of(0, Time.parse("5ms")).withLoss(1.0),
        ChannelConfig.of(0, Time.parse("5ms")));
    StringWriter out = new StringWriter();
    TextTraceWriter writer = new TextTraceWriter(out, n.hostName,
        TextTraceWriter.Options.DEFAULT.withExplain(true));
    n.trace.subscribe(writer);
    new Client(n.sa, n.b80, 1024, null, 0, 0, ClosePolicy.NEVER, new AppStats()).startAt(0);
    n.runUntil("10ms");
    writer.close();

    assertThat(out.toString()).endsWith("""
          0.000000000  A-B   drop    A:1024 > B:80    [SYN]       seq=0 win=65535 len=0 mss=536  (loss)
                             why: the link lost the packet (loss model of A>B)
        """);
  }

  @Test
  void flagsAreInWiresharkOrderAndInjectedSegmentsAreMarked() throws IOException {
    StringWriter out = new StringWriter();
    TextTraceWriter writer = new TextTraceWriter(out, address -> null);
    Endpoint src = new Endpoint(Ipv4.parse("198.51.100.7"), 4000);
    Endpoint dst = new Endpoint(Ipv4.parse("10.0.0.2"), 80);
    Segment finPshAck = Segment.builder().ports(4000, 80).seq(5).ack(7)
        .flags(TcpFlags.FIN | TcpFlags.PSH).window(1000).dataLength(3).build();
    Segment none = Segment.builder().ports(4000, 80).seq(9).build();
    writer.accept(new SegmentSent(1_500, "M", src, dst, finPshAck, true, "crafted"));
    writer.accept(new SegmentSent(2_000, "M", src, dst, none, true, "crafted"));
    // The network's own events add nothing: the TCP events say it all.
    writer.accept(new PacketSent(3_000, "M", "M>B", new Packet(src.address(), dst.address(), 40, none)));
    writer.accept(new QueueLength(3_000, "M>B", 1, 40));
    writer.accept(new PacketDropped(3_000, "M-B", "M>B", "loss",
        new Packet(src.address(), dst.address(), 40, "not TCP")));
    writer.close();

    // No host names: addresses as they are. The first segment of a direction without a SYN is
    // seq=0; an ACK into a direction never seen acknowledges its "SYN" (ack=1).
    assertThat(out.toString()).isEqualTo("""
                 time  host  event   what
          0.000001500  M     send    198.51.100.7:4000 > 10.0.0.2:80  [FIN, PSH, ACK]  seq=0 ack=1 win=1000 len=3  (injected)
          0.000002000  M     send    198.51.100.7:4000 > 10.0.0.2:80  [<None>]         seq=4 win=0 len=0  (injected)
        """);
  }

  @Test
  void sameRunGivesTheSameTraceByteForByte() throws IOException {
    String first = lossyTransfer();
    assertThat(first).contains("(loss)", "[FIN, ACK]", "TIME-WAIT -> CLOSED");
    assertThat(lossyTransfer()).isEqualTo(first);
  }

  /** 20 KB over a link that loses 10% each way, with explanations: every kind of line. */
  private static String lossyTransfer() throws IOException {
    ChannelConfig lossy = ChannelConfig.of(10_000_000, Time.parse("5ms")).withLoss(0.1);
    TwoPeers n = new TwoPeers(lossy, lossy);
    StringWriter out = new StringWriter();
    TextTraceWriter writer = new TextTraceWriter(out, n.hostName,
        TextTraceWriter.Options.DEFAULT.withExplain(true));
    n.trace.subscribe(writer);
    Server.sink(n.sb, 80);
    new Client(n.sa, n.b80, 1024, null, 20_000, 0, ClosePolicy.AFTER_SEND, new AppStats())
        .startAt(0);
    n.runUntil("600s");
    writer.close();
    return out.toString();
  }
}
