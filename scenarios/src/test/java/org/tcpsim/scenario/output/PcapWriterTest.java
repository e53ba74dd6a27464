package org.tcpsim.scenario.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.net.Packet;
import org.tcpsim.core.net.Router;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.PacketReceived;
import org.tcpsim.core.trace.PacketSent;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.InternetChecksum;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SegmentCodec;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpOptions;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.app.AppStats;
import org.tcpsim.tcp.app.Client;
import org.tcpsim.tcp.app.ClosePolicy;
import org.tcpsim.tcp.app.Server;

class PcapWriterTest {
  static final int A = Ipv4.parse("10.0.0.1");
  static final int B = Ipv4.parse("10.0.0.2");

  /** A packet the capture should hold, as the trace bus announced it. */
  record Seen(long time, Packet packet) {}

  static ChannelConfig lossyLink() {
    return ChannelConfig.of(10_000_000, Time.parse("5ms")).withLoss(0.1).withCorrupt(0.05);
  }

  /** A transfer between two hosts over a lossy, corrupting link, captured on every host. */
  static Capture twoHosts(long seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TwoHosts net;
    try (PcapWriter w = new PcapWriter(out, CapturePoint.allHosts(name -> true))) {
      net = new TwoHosts(seed, lossyLink(), w).transfer(20_000).runUntil("60s");
    }
    return new Capture(PcapReader.read(out.toByteArray()), net.events);
  }

  record Capture(List<PcapReader.Record> records, List<TraceEvent> events) {
    /** The packets of events that the capture point should have taken, in order. */
    List<Seen> expected(Predicate<TraceEvent> taken) {
      List<Seen> seen = new ArrayList<>();
      for (TraceEvent e : events) {
        if (e instanceof PacketSent s && taken.test(e)) {
          seen.add(new Seen(s.time(), s.packet()));
        } else if (e instanceof PacketReceived r && taken.test(e)) {
          seen.add(new Seen(r.time(), r.packet()));
        }
      }
      return seen;
    }
  }

  /**
   * Each record is the expected packet: same time, addresses and TCP header; IPv4 header checksum
   * right; TCP checksum right exactly when the packet was not corrupted.
   */
  static void assertRecordsAre(List<PcapReader.Record> records, List<Seen> expected) {
    assertThat(records).hasSameSizeAs(expected);
    for (int i = 0; i < records.size(); i++) {
      byte[] p = records.get(i).packet();
      Packet want = expected.get(i).packet();
      Segment seg = (Segment) want.payload();
      String at = "record " + i + " (" + want + ")";
      assertThat(records.get(i).time()).as(at).isEqualTo(expected.get(i).time());
      assertThat(InternetChecksum.of(p, 0, 20)).as(at + " IPv4 header checksum").isZero();
      assertThat(u16(p, 2)).as(at + " IPv4 total length").isEqualTo(p.length);
      assertThat(u32(p, 12)).as(at + " source").isEqualTo(want.src());
      assertThat(u32(p, 16)).as(at + " destination").isEqualTo(want.dst());
      byte[] tcp = Arrays.copyOfRange(p, 20, p.length);
      assertThat(SegmentCodec.checksumOk(tcp, want.src(), want.dst()))
          .as(at + " TCP checksum ok").isEqualTo(!want.corrupted());
      if (!want.corrupted()) {
        Segment got = SegmentCodec.decode(tcp, want.src(), want.dst());
        // The simulation carried a length only; the file carries that many zero octets.
        assertThat(got).as(at).isEqualTo(withZeroPayload(seg));
      }
    }
  }

  static Segment withZeroPayload(Segment s) {
    byte[] data = s.hasPayload() ? s.payload() : new byte[s.dataLength()];
    return new Segment(s.srcPort(), s.dstPort(), s.seq(), s.ack(), s.flags(), s.window(),
        s.urgentPointer(), s.options(), s.dataLength(), data);
  }

  static int u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  static int u32(byte[] b, int at) {
    return (u16(b, at) << 16) | u16(b, at + 2);
  }

  @Test
  void everyHostCaptureHoldsWhatHostsSendAndReceiveInOrder() throws IOException {
    Capture c = twoHosts(1);
    List<Seen> expected = c.expected(e -> true);
    assertThat(expected).hasSizeGreaterThan(50);
    assertRecordsAre(c.records(), expected);
  }

  @Test
  void corruptedPacketsFailOnlyTheirTcpChecksum() throws IOException {
    Capture c = twoHosts(1);
    long corrupted = c.expected(e -> true).stream().filter(s -> s.packet().corrupted()).count();
    assertThat(corrupted).as("the run must exercise corruption").isPositive();
    long bad = c.records().stream().filter(r -> {
      byte[] tcp = Arrays.copyOfRange(r.packet(), 20, r.packet().length);
      return !SegmentCodec.checksumOk(tcp, u32(r.packet(), 12), u32(r.packet(), 16));
    }).count();
    assertThat(bad).isEqualTo(corrupted);
  }

  @Test
  void ipv4HeadersAreTtl64TcpDontFragmentWithOneIdPerRecord() throws IOException {
    List<PcapReader.Record> records = twoHosts(1).records();
    for (int i = 0; i < records.size(); i++) {
      byte[] p = records.get(i).packet();
      assertThat(p[0]).as("version 4, IHL 5").isEqualTo((byte) 0x45);
      assertThat(u16(p, 4)).as("identification").isEqualTo(i & 0xFFFF);
      assertThat(u16(p, 6)).as("flags: DF").isEqualTo(0x4000);
      assertThat(p[8] & 0xFF).as("TTL").isEqualTo(64);
      assertThat(p[9]).as("protocol").isEqualTo((byte) 6);
    }
  }

  @Test
  void identicalRunsGiveIdenticalFiles() throws IOException {
    byte[] first = captureBytes(3);
    assertThat(captureBytes(3)).isEqualTo(first);
  }

  static byte[] captureBytes(long seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PcapWriter w = new PcapWriter(out, CapturePoint.allHosts(name -> true))) {
      new TwoHosts(seed, lossyLink(), w).transfer(20_000).runUntil("60s");
    }
    return out.toByteArray();
  }

  /** A - R - B: two hosts and a router, the first link lossy and corrupting. */
  static final class ThreeNodes {
    final TraceBus trace = new TraceBus();
    final List<TraceEvent> events = new ArrayList<>();
    final Network net;

    ThreeNodes(PcapWriter writer) {
      trace.subscribe(events::add);
      trace.subscribe(writer);
      Simulator sim = new Simulator();
      net = new Network(sim, new RandomStreams(5), trace);
      Host a = net.addHost("A", A);
      Router r = net.addRouter("R");
      Host b = net.addHost("B", B);
      net.connect(a, r, lossyLink());
      net.connect(r, b, ChannelConfig.of(100_000_000, Time.parse("1ms")));
      TcpStack sa = TcpStack.install(net, a, Profile.DEFAULT.config());
      TcpStack sb = TcpStack.install(net, b, Profile.DEFAULT.config());
      Server.sink(sb, 80);
      new Client(sa, new Endpoint(B, 80), 1024, 100, 20_000, 0, ClosePolicy.AFTER_SEND,
          new AppStats()).startAt(0);
      sim.runUntil(Time.parse("60s"));
    }
  }

  static Capture threeNodes(CapturePoint point) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ThreeNodes n;
    try (PcapWriter w = new PcapWriter(out, point)) {
      n = new ThreeNodes(w);
    }
    return new Capture(PcapReader.read(out.toByteArray()), n.events);
  }

  @Test
  void everyHostCaptureLeavesRoutersOut() throws IOException {
    Capture c = threeNodes(CapturePoint.allHosts(name -> !name.equals("R")));
    List<Seen> expected = c.expected(e -> e instanceof PacketSent s && !s.node().equals("R")
        || e instanceof PacketReceived r && !r.node().equals("R"));
    assertRecordsAre(c.records(), expected);
  }

  @Test
  void aNodeCaptureHoldsWhatTheRouterForwardsCorruptionIncluded() throws IOException {
    Capture c = threeNodes(CapturePoint.node("R"));
    List<Seen> expected = c.expected(e -> e instanceof PacketSent s && s.node().equals("R")
        || e instanceof PacketReceived r && r.node().equals("R"));
    assertThat(expected).anyMatch(s -> s.packet().corrupted());
    assertRecordsAre(c.records(), expected);
  }

  @Test
  void aLinkCaptureHoldsPacketsEnteringItInBothDirections() throws IOException {
    Capture c = threeNodes(CapturePoint.link("A-R"));
    List<Seen> expected = c.expected(e -> e instanceof PacketSent s
        && (s.channel().equals("A>R") || s.channel().equals("R>A")));
    assertThat(expected).anyMatch(s -> s.packet().src() == A)
        .anyMatch(s -> s.packet().src() == B);
    assertRecordsAre(c.records(), expected);
    // Either spelling of the link's name captures the same packets.
    assertThat(threeNodes(CapturePoint.link("R-A")).records()).hasSameSizeAs(expected);
  }

  @Test
  void linkNamesMatchBothDirectionsEvenWithHyphensInNodeNames() {
    CapturePoint link = CapturePoint.link("client-1-R");
    assertThat(link.capturesSent("client-1", "client-1>R")).isTrue();
    assertThat(link.capturesSent("R", "R>client-1")).isTrue();
    assertThat(link.capturesSent("R", "R>client-2")).isFalse();
    assertThat(link.capturesSent("client-1", "client-1>R2")).isFalse();
    assertThat(link.capturesSent("x", "x>client-1-R")).isFalse();
    assertThat(link.capturesReceived("R", "client-1>R")).isFalse();
    assertThat(CapturePoint.link("A-B").capturesSent("A", "A>B")).isTrue();
    assertThat(CapturePoint.link("A-B").capturesSent("B", "B>A")).isTrue();
    assertThat(CapturePoint.link("A-B").capturesSent("B", "B>C")).isFalse();
  }

  @Test
  void realPayloadBytesAreWrittenAndPacketsWithoutASegmentSkipped() throws IOException {
    byte[] data = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    Segment seg = Segment.builder().ports(1024, 80).seq(101).ack(301).flags(TcpFlags.PSH)
        .window(1000).options(TcpOptions.NONE).payload(data).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PcapWriter w = new PcapWriter(out, CapturePoint.node("A"))) {
      w.accept(new PacketSent(1_500_000_123L, "A", "A>B", new Packet(A, B, 58, seg)));
      w.accept(new PacketSent(2, "A", "A>B", new Packet(A, B, 58, "not TCP")));
      w.accept(new PacketSent(3, "B", "B>A", new Packet(B, A, 58, seg)));
      assertThat(w.packets()).isEqualTo(1);
    }
    List<PcapReader.Record> records = PcapReader.read(out.toByteArray());
    assertThat(records).hasSize(1);
    assertThat(records.get(0).time()).isEqualTo(1_500_000_123L);
    byte[] tcp = Arrays.copyOfRange(records.get(0).packet(), 20,
        records.get(0).packet().length);
    assertThat(SegmentCodec.decode(tcp, A, B)).isEqualTo(seg);
  }

  @Test
  void aCaptureOfNothingIsStillAValidFile() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PcapWriter(out, CapturePoint.node("nobody")).close();
    assertThat(out.size()).isEqualTo(24);
    assertThat(PcapReader.read(out.toByteArray())).isEmpty();
  }

  @Test
  void closeCanLeaveTheTargetOpen() throws IOException {
    JsonlTraceWriterTest.ClosingProbe out = new JsonlTraceWriterTest.ClosingProbe();
    new PcapWriter(out, CapturePoint.node("A"), false).close();
    assertThat(out.closed).isFalse();
    assertThat(out.size()).as("flushed").isEqualTo(24);
  }

  /**
   * The spoiled checksum must never verify, including when the correct one is 0x0000, whose
   * complement 0xFFFF is the other spelling of ones' complement zero and would still verify.
   */
  @Test
  void aSpoiledChecksumNeverVerifiesEvenWhenTheCorrectOneIsZero() {
    int zeroes = 0;
    for (int seq = 0; seq < 200_000; seq++) {
      Segment s = Segment.builder().ports(1024, 80).seq(seq).flags(TcpFlags.SYN).window(1000)
          .build();
      byte[] p = SegmentCodec.ipv4Packet(s, A, B, 64, 0);
      boolean zero = u16(p, 36) == 0;
      if (!zero && seq % 1000 != 0) {
        continue; // check every 1000th packet, and every one whose checksum is zero
      }
      zeroes += zero ? 1 : 0;
      PcapWriter.spoilTcpChecksum(p);
      byte[] tcp = Arrays.copyOfRange(p, 20, p.length);
      assertThat(SegmentCodec.checksumOk(tcp, A, B)).as("seq %d", seq).isFalse();
    }
    assertThat(zeroes).as("segments whose correct checksum is 0x0000").isPositive();
  }
}
