package org.tcpsim.tcp.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.tcp.TcpFlags.FIN;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;
import static org.tcpsim.tcp.states.TcpHarness.ID;
import static org.tcpsim.tcp.states.TcpHarness.IRS;
import static org.tcpsim.tcp.states.TcpHarness.ISS;
import static org.tcpsim.tcp.states.TcpHarness.ackIn;
import static org.tcpsim.tcp.states.TcpHarness.ackOut;
import static org.tcpsim.tcp.states.TcpHarness.in;
import static org.tcpsim.tcp.states.TcpHarness.rstAckOut;
import static org.tcpsim.tcp.states.TcpHarness.rstOut;
import static org.tcpsim.tcp.states.TcpHarness.synOut;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.TcpOptions;
import org.tcpsim.tcp.TcpState;

/**
 * SEGMENT ARRIVES where there is no synchronized connection yet (RFC 9293 3.10.7.1 and 3.10.7.2):
 * CLOSED and LISTEN, one nested class per state. A (ISS 100) is the host under test, B (ISS 300)
 * its peer.
 */
class ClosedAndListenStatesTest {

  // ===========================================================================================
  @Nested
  class Closed {
    // RFC 9293 3.10.7.1: "If the state is CLOSED (i.e., TCB does not exist) then all data in the
    // incoming segment is discarded. An incoming segment containing a RST is discarded. An
    // incoming segment not containing a RST causes a RST to be sent in response."

    @ParameterizedTest
    @EnumSource(Profile.class)
    void segmentWithoutAckGetsRstAckAtSegSeqPlusSegLen(Profile p) {
      TcpHarness h = new TcpHarness(p).closed();
      h.inject(in(IRS).flags(SYN).build());
      // <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>; SEG.LEN counts the SYN.
      h.expectSent(rstAckOut(0, IRS + 1));
    }

    @Test
    void segLenCountsDataAndFin() {
      TcpHarness h = new TcpHarness().closed();
      h.inject(in(IRS).flags(FIN).dataLength(10).build());
      h.expectSent(rstAckOut(0, IRS + 11));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void segmentWithAckGetsRstAtSegAck(Profile p) {
      TcpHarness h = new TcpHarness(p).closed();
      h.inject(TcpHarness.dataIn(IRS, 555, 20));
      // <SEQ=SEG.ACK><CTL=RST>
      h.expectSent(rstOut(555));
    }

    @Test
    void synAckGetsRstAtSegAck() {
      TcpHarness h = new TcpHarness().closed();
      h.inject(in(IRS).ack(ISS + 1).flags(SYN).build());
      h.expectSent(rstOut(ISS + 1));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void rstIsDropped(Profile p) {
      TcpHarness h = new TcpHarness(p).closed();
      h.inject(in(IRS).flags(RST).build());
      h.inject(in(IRS).ack(ISS).flags(RST).build());
      h.expectNothingSent();
      assertThat(h.drops()).hasSize(2).allMatch(d -> d.reason().text().equals("no-listener"));
    }

    @Test
    void anAbortedConnectionAnswersAsClosed() {
      // docs/rfc-notes.md A16: after sending a RST, behave as CLOSED for all incoming segments.
      TcpHarness h = new TcpHarness().established();
      h.conn.abort();
      h.expectSent(rstOut(ISS + 1));
      h.inject(ackIn(IRS + 1, ISS + 1));
      h.expectSent(rstOut(ISS + 1));
    }
  }

  // ===========================================================================================
  @Nested
  class Listen {
    // RFC 9293 3.10.7.2.

    @ParameterizedTest
    @EnumSource(Profile.class)
    void rstIsIgnored(Profile p) {
      TcpHarness h = new TcpHarness(p).listen();
      h.inject(in(IRS).flags(RST).build());
      h.inject(in(IRS).ack(ISS + 1).flags(RST).build());
      h.expectNothingSent();
      assertThat(h.stack.connections()).isEmpty();
      assertThat(h.listener.isOpen()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void ackGetsRstAtSegAck(Profile p) {
      TcpHarness h = new TcpHarness(p).listen();
      h.inject(ackIn(IRS, 555));
      // "Any acknowledgment is bad if it arrives on a connection still in the LISTEN state."
      h.expectSent(rstOut(555));
      assertThat(h.stack.connections()).isEmpty();
    }

    @Test
    void synAckGetsRstAtSegAck() {
      // The ACK check comes before the SYN check.
      TcpHarness h = new TcpHarness().listen();
      h.inject(in(IRS).ack(777).flags(SYN).build());
      h.expectSent(rstOut(777));
      assertThat(h.stack.connections()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void synIsAnsweredWithSynAckCarryingMss(Profile p) {
      TcpHarness h = new TcpHarness(p).listen();
      h.inject(in(IRS).flags(SYN).build());
      // <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>, with our MSS option (RFC 9293 3.7.1).
      h.expectSent(synOut(IRS + 1));
      h.conn = h.stack.connection(ID);
      h.expectState(TcpState.SYN_RECEIVED);
      assertThat(h.conn.irs()).isEqualTo(IRS);
      assertThat(h.conn.rcvNxt()).isEqualTo(IRS + 1);
      assertThat(h.conn.sndUna()).isEqualTo(ISS);
      assertThat(h.conn.sndNxt()).isEqualTo(ISS + 1);
      assertThat(h.listener.synQueueLength()).isEqualTo(1);
    }

    @Test
    void synWithoutMssOptionUsesTheDefault536() {
      TcpHarness h = new TcpHarness(Profile.LINUX).listen(); // our MSS setting is 536 anyway
      h.inject(in(IRS).flags(SYN).build());
      h.conn = h.stack.connection(ID);
      assertThat(h.conn.sndMss()).isEqualTo(536);
    }

    @Test
    void smallerMssOfThePeerIsUsed() {
      TcpHarness h = new TcpHarness().listen();
      h.inject(in(IRS).flags(SYN).options(TcpOptions.NONE.withMss(400)).build());
      h.conn = h.stack.connection(ID);
      assertThat(h.conn.sndMss()).isEqualTo(400);
      h.expectSent(synOut(IRS + 1)); // we still announce our own 536
    }

    @Test
    void dataOnASynIsNotAcknowledged() {
      // docs/rfc-notes.md A32: the SYN,ACK acknowledges only the SYN; the data is sent again later.
      TcpHarness h = new TcpHarness().listen();
      h.inject(in(IRS).flags(SYN).dataLength(10).build());
      h.expectSent(synOut(IRS + 1));
      h.conn = h.stack.connection(ID);
      h.inject(TcpHarness.dataIn(IRS + 1, ISS + 1, 10));
      h.expectSent(ackOut(ISS + 1, IRS + 11));
      assertThat(h.app.data).containsExactly(10);
    }

    @Test
    void segmentWithNeitherRstAckNorSynIsDropped() {
      TcpHarness h = new TcpHarness().listen();
      h.inject(in(IRS).flags(FIN).build());
      h.inject(in(IRS).dataLength(5).build());
      h.expectNothingSent();
      assertThat(h.stack.connections()).isEmpty();
    }

    @Test
    void synBeyondTheBacklogIsDroppedSilently() {
      // docs/rfc-notes.md A33 (RFC 4987 2): never a RST.
      TcpHarness h = new TcpHarness(Profile.RFC5961.config().with("backlog", "1")).listen();
      h.inject(in(IRS).flags(SYN).build());
      h.expectSent(synOut(IRS + 1));
      org.tcpsim.tcp.Endpoint other = new org.tcpsim.tcp.Endpoint(TcpHarness.REMOTE_ADDR, 4001);
      h.stack.segmentArrives(other, TcpHarness.LOCAL,
          Segment.builder().ports(4001, TcpHarness.LOCAL_PORT).seq(900).flags(SYN).window(1000).build());
      h.expectNothingSent();
      assertThat(h.stack.connections()).hasSize(1);
      assertThat(h.stack.counters()).containsEntry("listen.syn-dropped", 1L);
    }

    @Test
    void closedListenerLeavesThePortClosed() {
      TcpHarness h = new TcpHarness().listen();
      h.listener.close();
      h.inject(in(IRS).flags(SYN).build());
      h.expectSent(rstAckOut(0, IRS + 1));
    }
  }
}
