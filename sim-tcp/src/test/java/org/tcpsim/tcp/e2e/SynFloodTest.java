package org.tcpsim.tcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Router;
import org.tcpsim.core.trace.PacketDropped;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Listener;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.trace.ListenerEvent;
import org.tcpsim.tcp.trace.SegmentDropped;
import org.tcpsim.tcp.trace.SegmentReceived;
import org.tcpsim.tcp.trace.SegmentSent;

/**
 * A SYN flood (RFC 4987) against a listener with a backlog of 4. The attacker M spoofs sources in
 * 198.51.100.0/24, which no node owns: the server's SYN,ACKs to them are dropped for lack of a
 * route, so the half-open entries are never completed or reset. The client A and the server B
 * hang off one router, 5 ms from it each; M is 1 ms from it.
 */
class SynFloodTest {
  private static final int BACKLOG = 4;
  private static final long HOP = 5 * MS;
  private static final int PORT = 80;

  private final Harness h = new Harness(7);
  private final Host a = h.host("A", "10.0.0.1");
  private final Host b = h.host("B", "10.0.0.2");
  private final Host m = h.host("M", "10.0.0.3");
  private final Endpoint server = new Endpoint(b.address(), PORT);
  private TcpStack ta;
  private TcpStack tb;
  private TcpStack tm;
  private Listener listener;
  private final List<Connection> accepted = new ArrayList<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  {
    Router r = h.net.addRouter("R");
    h.net.connect(a, r, ChannelConfig.of(10_000_000, HOP));
    h.net.connect(b, r, ChannelConfig.of(10_000_000, HOP));
    h.net.connect(m, r, ChannelConfig.of(10_000_000, MS));
  }

  private void install(TcpConfig serverCfg) {
    ta = TcpStack.install(h.net, a, TcpConfig.defaults());
    tb = TcpStack.install(h.net, b, serverCfg);
    tm = TcpStack.install(h.net, m, TcpConfig.defaults());
    listener = tb.listen(PORT, c -> {
      accepted.add(c);
      return new SocketHandler() {
        @Override
        public void data(Connection c, int n, byte[] d) {
          received.writeBytes(d);
        }

        @Override
        public void peerClosed(Connection c) {
          c.close();
        }
      };
    });
  }

  private static Endpoint spoofed(int i) {
    return new Endpoint(Ipv4.parse("198.51.100." + (1 + i % 250)), 40000 + i);
  }

  /** Spoofed SYNs from {@code start}, one every {@code interval}, {@code count} of them. */
  private void flood(long start, long interval, int count) {
    Random rnd = new Random(99);
    for (int i = 0; i < count; i++) {
      Endpoint src = spoofed(i);
      int seq = rnd.nextInt();
      h.sim.scheduleAt(start + i * interval, () -> tm.inject(src, server,
          Segment.builder().ports(src.port(), PORT).seq(seq).flags(TcpFlags.SYN).window(65535).build(),
          "spoofed SYN (RFC 4987 2)"));
    }
  }

  private long count(String key, TcpStack s) {
    return s.counters().get(key);
  }

  private List<SegmentSent> sentBy(String host, int flags) {
    List<SegmentSent> out = new ArrayList<>();
    for (SegmentSent s : h.sentEvents(host)) {
      if (s.segment().has(flags)) {
        out.add(s);
      }
    }
    return out;
  }

  @Test
  void withoutCookiesTheSynQueueFillsAndLaterSynsAreDroppedSilently() {
    install(TcpConfig.defaults().with("backlog", Integer.toString(BACKLOG)));
    // 300 spoofed SYNs over 30 s: the queue fills with the first four and stays full.
    flood(0, 100 * MS, 300);
    Connection[] client = new Connection[1];
    h.sim.scheduleAt(SECOND, () -> client[0] = ta.open(0, server, new SocketHandler() {}));
    h.sim.runUntil(30 * SECOND);

    assertThat(listener.synQueueLength()).isEqualTo(BACKLOG);
    assertThat(count("listen.syn-received", tb)).isEqualTo(300 + 5); // the flood and A's SYNs
    assertThat(count("listen.syn-dropped", tb)).isEqualTo(300 - BACKLOG + 5);
    assertThat(count("listen.syn-cookies-sent", tb)).isZero();
    // Never a RST (docs/rfc-notes.md A33).
    assertThat(count("resets.sent", tb)).isZero();
    assertThat(sentBy("B", TcpFlags.RST)).isEmpty();
    // Only the four queued entries got SYN,ACKs (and their retransmissions); they died for lack
    // of a route to the spoofed sources.
    assertThat(sentBy("B", TcpFlags.SYN | TcpFlags.ACK))
        .allSatisfy(s -> assertThat(s.dst().address() >>> 8).isEqualTo(Ipv4.parse("198.51.100.0") >>> 8))
        .extracting(s -> s.dst()).containsOnly(spoofed(0), spoofed(1), spoofed(2), spoofed(3));
    assertThat(h.events).filteredOn(e -> e instanceof PacketDropped p && p.reason().equals("no-route"))
        .isNotEmpty();
    // Each of A's SYNs (at 1, 2, 4, 8 and 16 s) reached B and was dropped: A is still trying.
    List<SegmentDropped> clientDrops = new ArrayList<>();
    for (TraceEvent e : h.events) {
      if (e instanceof SegmentDropped d && d.host().equals("B") && d.src().address() == a.address()) {
        clientDrops.add(d);
      }
    }
    assertThat(clientDrops).hasSize(5).allSatisfy(d -> assertThat(d.reason().text()).isEqualTo("backlog"));
    assertThat(client[0].state()).isEqualTo(TcpState.SYN_SENT);
    assertThat(h.sent("A")).hasSize(5).allSatisfy(s -> assertThat(s).endsWith("<CTL=SYN>"));

    // The flood stops; the half-open entries time out after synack-retries (5: 1+2+4+8+16+32 s
    // = 63 s) and A's next SYN retransmission (at 32 s, then 64 s) gets in.
    h.sim.runUntil(3 * 60 * SECOND);
    assertThat(count("listen.synack-timeout", tb)).isEqualTo(BACKLOG);
    assertThat(client[0].state()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(client[0].handshakeTime()).isGreaterThan(60 * SECOND);
    assertThat(count("resets.sent", tb)).isZero();
  }

  @Test
  void halfOpenEntriesTimeOutAfterSynackRetries() {
    install(TcpConfig.defaults().with("backlog", Integer.toString(BACKLOG)).with("synack-retries", "2"));
    flood(0, 0, 1);
    h.sim.runUntil(60 * SECOND);

    // One SYN,ACK and two retransmissions, at 0, 1 and 3 s; the entry goes at 7 s (RTO 4 s).
    List<SegmentSent> synAcks = sentBy("B", TcpFlags.SYN | TcpFlags.ACK);
    assertThat(synAcks).extracting(s -> Harness.rfc(s.segment())).hasSize(3).containsOnly(
        Harness.rfc(synAcks.get(0).segment()));
    long first = synAcks.get(0).time();
    assertThat(synAcks).extracting(s -> s.time() - first).containsExactly(0L, SECOND, 3 * SECOND);
    List<ListenerEvent> timeouts = new ArrayList<>();
    for (TraceEvent e : h.events) {
      if (e instanceof ListenerEvent l && l.what().equals("synack-timeout")) {
        timeouts.add(l);
      }
    }
    assertThat(timeouts).hasSize(1);
    assertThat(timeouts.get(0).time() - first).isEqualTo(7 * SECOND);
    assertThat(timeouts.get(0).synQueue()).isZero();
    assertThat(count("listen.synack-timeout", tb)).isEqualTo(1);
    assertThat(listener.synQueueLength()).isZero();
    assertThat(tb.connections()).isEmpty();
    assertThat(count("resets.sent", tb)).isZero();
  }

  @Test
  void withCookiesALegitimateClientConnectsOnItsFirstSynAndTransfersData() {
    install(TcpConfig.defaults().with("backlog", Integer.toString(BACKLOG)).with("syn-cookies", "true"));
    flood(0, 100 * MS, 100);
    byte[] payload = new byte[20_000];
    new Random(5).nextBytes(payload);
    Connection[] client = new Connection[1];
    h.sim.scheduleAt(SECOND, () -> {
      assertThat(listener.synQueueLength()).isEqualTo(BACKLOG); // the queue is full
      client[0] = ta.open(0, server, new SocketHandler() {
        @Override
        public void connected(Connection c) {
          c.send(payload);
          c.close();
        }
      });
    });
    h.sim.runUntil(30 * SECOND);

    assertThat(count("listen.syn-cookies-accepted", tb)).isEqualTo(1);
    assertThat(count("listen.syn-cookies-sent", tb)).isGreaterThanOrEqualTo(100 - BACKLOG + 1);
    assertThat(count("listen.syn-cookies-rejected", tb)).isZero();
    assertThat(count("listen.syn-dropped", tb)).isZero();
    // The first SYN did it: one SYN from A, and the handshake took one round trip (20 ms of
    // propagation plus serialization), not an RTO.
    assertThat(h.sent("A")).filteredOn(s -> s.contains("SYN")).hasSize(1);
    long rtt = 4 * HOP;
    assertThat(client[0].handshakeTime()).isBetween(rtt, rtt + 2 * MS);
    assertThat(accepted).hasSize(1);
    assertThat(received.toByteArray()).isEqualTo(payload);
    assertThat(client[0].bytesAcked()).isEqualTo(payload.length);
    assertThat(count("resets.sent", tb)).isZero();
  }

  @Test
  void aForgedCookieAckIsRejectedWithAReset() {
    install(TcpConfig.defaults().with("backlog", Integer.toString(BACKLOG)).with("syn-cookies", "true"));
    flood(0, 10 * MS, 10);
    Endpoint forger = spoofed(1000);
    int forgedAck = new Random(3).nextInt();
    Segment forged = Segment.builder().ports(forger.port(), PORT).seq(12345).ack(forgedAck)
        .window(65535).build(); // ack() sets the ACK flag
    h.sim.scheduleAt(SECOND, () -> tm.inject(forger, server, forged, "forged cookie ACK"));
    h.sim.runUntil(2 * SECOND);

    assertThat(count("listen.syn-cookies-rejected", tb)).isEqualTo(1);
    assertThat(count("listen.syn-cookies-accepted", tb)).isZero();
    assertThat(tb.connections()).extracting(c -> c.id().remote()).doesNotContain(forger);
    List<SegmentSent> resets = sentBy("B", TcpFlags.RST);
    assertThat(resets).hasSize(1);
    assertThat(resets.get(0).dst()).isEqualTo(forger);
    // RFC 9293 3.10.7.2, second check: <SEQ=SEG.ACK><CTL=RST>.
    assertThat(Harness.rfc(resets.get(0).segment()))
        .isEqualTo("<SEQ=" + Integer.toUnsignedString(forgedAck) + "><CTL=RST>");
    assertThat(h.events).filteredOn(e -> e instanceof SegmentReceived r && r.host().equals("B")
        && r.segment().equals(forged)).hasSize(1);
  }
}
