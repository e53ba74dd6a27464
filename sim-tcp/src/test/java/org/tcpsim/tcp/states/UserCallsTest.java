package org.tcpsim.tcp.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;
import static org.tcpsim.tcp.TcpFlags.FIN;
import static org.tcpsim.tcp.TcpFlags.PSH;
import static org.tcpsim.tcp.TcpFlags.SYN;
import static org.tcpsim.tcp.states.TcpHarness.ID;
import static org.tcpsim.tcp.states.TcpHarness.IRS;
import static org.tcpsim.tcp.states.TcpHarness.ISS;
import static org.tcpsim.tcp.states.TcpHarness.LOCAL_PORT;
import static org.tcpsim.tcp.states.TcpHarness.REMOTE;
import static org.tcpsim.tcp.states.TcpHarness.ackIn;
import static org.tcpsim.tcp.states.TcpHarness.ackOut;
import static org.tcpsim.tcp.states.TcpHarness.dataOut;
import static org.tcpsim.tcp.states.TcpHarness.finOut;
import static org.tcpsim.tcp.states.TcpHarness.in;
import static org.tcpsim.tcp.states.TcpHarness.out;
import static org.tcpsim.tcp.states.TcpHarness.rstOut;
import static org.tcpsim.tcp.states.TcpHarness.synOut;

import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionStatus;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpError;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.TcpOptions;
import org.tcpsim.tcp.TcpState;

/** The user calls of RFC 9293 3.10.1 to 3.10.6 in every state, with the RFC's error strings. */
class UserCallsTest {

  static void expectError(ThrowingCallable call, TcpSignal response) {
    assertThatThrownBy(call).isInstanceOf(TcpError.class).hasMessage(response.text());
  }

  /** The calls a connection in a closing state refuses, and its STATUS. */
  static void sendAndCloseAreRefused(TcpHarness h, TcpState state) {
    expectError(() -> h.conn.send(10), TcpError.CLOSING);
    expectError(() -> h.conn.close(), TcpError.CLOSING);
    h.expectNothingSent();
    h.expectState(state);
    assertThat(h.conn.status().state()).isEqualTo(state);
  }

  static void everyCallSaysDoesNotExist(Connection c) {
    assertThat(c.state()).isEqualTo(TcpState.CLOSED);
    expectError(() -> c.send(10), TcpError.DOES_NOT_EXIST);
    expectError(() -> c.close(), TcpError.DOES_NOT_EXIST);
    expectError(() -> c.abort(), TcpError.DOES_NOT_EXIST);
    expectError(c::status, TcpError.DOES_NOT_EXIST);
    expectError(() -> c.setReading(true), TcpError.DOES_NOT_EXIST);
  }

  // ===========================================================================================
  @Nested
  class Closed {
    @Test
    void everyCallOnAnAbortedConnection() {
      TcpHarness h = new TcpHarness().established();
      h.conn.abort();
      h.clearSent();
      everyCallSaysDoesNotExist(h.conn);
      h.expectNothingSent();
    }

    @Test
    void everyCallOnAConnectionThatClosedNormally() {
      TcpHarness h = new TcpHarness().timeWait();
      h.runFor(2 * h.config.msl());
      everyCallSaysDoesNotExist(h.conn);
    }

    @Test
    void everyCallOnAResetConnection() {
      TcpHarness h = new TcpHarness().synSent();
      h.inject(in(0).ack(ISS + 1).flags(org.tcpsim.tcp.TcpFlags.RST).build());
      everyCallSaysDoesNotExist(h.conn);
    }

    @Test
    void openAgainAfterClosedCreatesANewConnection() {
      TcpHarness h = new TcpHarness().established();
      h.conn.abort();
      h.clearSent();
      Connection again = h.stack.open(LOCAL_PORT, REMOTE, h.app, 5000);
      assertThat(again.state()).isEqualTo(TcpState.SYN_SENT);
      assertThat(h.sent).hasSize(1);
    }
  }

  // ===========================================================================================
  @Nested
  class Open {
    @Test
    void openOfAnExisting4TupleIsRefused() {
      TcpHarness h = new TcpHarness().established();
      expectError(() -> h.stack.open(LOCAL_PORT, REMOTE, h.app), TcpError.ALREADY_EXISTS);
      h.expectNothingSent();
      h.expectState(TcpState.ESTABLISHED);
    }

    @Test
    void openOfA4TupleInTimeWaitIsRefused() {
      TcpHarness h = new TcpHarness().timeWait();
      expectError(() -> h.stack.open(LOCAL_PORT, REMOTE, h.app), TcpError.ALREADY_EXISTS);
      h.expectState(TcpState.TIME_WAIT);
    }

    @Test
    void openOfA4TupleInSynReceivedIsRefused() {
      TcpHarness h = new TcpHarness().synReceived();
      expectError(() -> h.stack.open(LOCAL_PORT, REMOTE, h.app), TcpError.ALREADY_EXISTS);
    }

    @Test
    void passiveOpenTwiceOnAPortIsRefused() {
      TcpHarness h = new TcpHarness().listen();
      expectError(() -> h.stack.listen(LOCAL_PORT, c -> h.app), TcpError.ALREADY_EXISTS);
    }

    @Test
    void closeOfAClosedListener() {
      TcpHarness h = new TcpHarness().listen();
      h.listener.close();
      expectError(h.listener::close, TcpError.DOES_NOT_EXIST);
    }
  }

  // ===========================================================================================
  @Nested
  class SynSent {
    @Test
    void anAbortOnConnectedWithACloseQueuedEndsTheConnectionThere() {
      // A CLOSE queued behind data in SYN-RECEIVED takes effect on ESTABLISHED (RFC 9293 3.10.4),
      // unless the application aborted when it heard "connected": then nothing more happens.
      TcpHarness h = new TcpHarness().synReceivedActive();
      h.conn.send(10);
      h.conn.close();
      h.conn.setHandler(new SocketHandler() {
        @Override
        public void connected(Connection c) {
          c.abort();
        }
      });
      h.inject(ackIn(IRS + 1, ISS + 1));
      h.expectSent(rstOut(ISS + 1));
      h.expectState(TcpState.CLOSED);
    }

    @Test
    void sendIsQueuedUntilEstablished() {
      TcpHarness h = new TcpHarness().synSent();
      h.conn.send(20);
      h.expectNothingSent();
      h.inject(in(IRS).ack(ISS + 1).flags(SYN).build());
      h.expectSent(ackOut(ISS + 1, IRS + 1), dataOut(ISS + 1, IRS + 1, 20));
    }

    @Test
    void closeDeletesTheTcb() {
      TcpHarness h = new TcpHarness().synSent();
      h.conn.close();
      h.expectNothingSent();
      h.expectState(TcpState.CLOSED);
      assertThat(h.app.closed).containsExactly("closed");
      // B's SYN,ACK now finds no connection.
      h.inject(in(IRS).ack(ISS + 1).flags(SYN).build());
      h.expectSent(rstOut(ISS + 1));
    }

    @Test
    void abortDeletesTheTcbWithoutAReset() {
      TcpHarness h = new TcpHarness().synSent();
      h.conn.abort();
      h.expectNothingSent();
      h.expectState(TcpState.CLOSED);
      assertThat(h.signals()).containsExactly("connection aborted");
    }

    @Test
    void status() {
      TcpHarness h = new TcpHarness().synSent();
      ConnectionStatus s = h.conn.status();
      assertThat(s.state()).isEqualTo(TcpState.SYN_SENT);
      assertThat(s.sndUna()).isEqualTo(ISS);
      assertThat(s.sndNxt()).isEqualTo(ISS + 1);
      assertThat(s.id()).isEqualTo(ID);
    }
  }

  // ===========================================================================================
  @Nested
  class SynReceived {
    @Test
    void closeWithNothingToSendSendsTheFinAtOnceAndEntersFinWait1() {
      // RFC 9293 3.10.4, SYN-RECEIVED STATE: "If no SENDs have been issued and there is no
      // pending data to send, then form a FIN segment and send it, and enter FIN-WAIT-1 state".
      // The FIN takes ISS+1; the peer's ACK of ISS+2 acknowledges SYN and FIN together.
      TcpHarness h = new TcpHarness().synReceived();
      h.runUntil(500 * MS);
      h.conn.close();
      h.expectSent(finOut(ISS + 1, IRS + 1));
      h.expectState(TcpState.FIN_WAIT_1);
      assertThat(h.listener.synQueueLength()).isZero();
      h.inject(ackIn(IRS + 1, ISS + 2));
      h.expectNothingSent();
      h.expectState(TcpState.FIN_WAIT_2);
    }

    @Test
    void theSynAckAndTheFinAreRetransmittedTogetherUntilAcknowledged() {
      // Both are outstanding after the CLOSE: at the RTO (1 s after the SYN,ACK) both go again.
      TcpHarness h = new TcpHarness().synReceived();
      h.runUntil(500 * MS);
      h.conn.close();
      h.expectSent(finOut(ISS + 1, IRS + 1));
      h.runUntil(1 * SECOND);
      h.expectSent(synOut(IRS + 1), finOut(ISS + 1, IRS + 1));
      h.inject(ackIn(IRS + 1, ISS + 2));
      h.expectState(TcpState.FIN_WAIT_2);
    }

    @Test
    void closeAfterASendIsQueuedAndTheFinFollowsTheData() {
      // "... otherwise, queue for processing after entering ESTABLISHED state."
      TcpHarness h = new TcpHarness().synReceived();
      h.conn.send(30);
      h.conn.close();
      h.expectNothingSent();
      h.expectState(TcpState.SYN_RECEIVED);
      h.inject(ackIn(IRS + 1, ISS + 1));
      h.expectSent(out(ISS + 1).ack(IRS + 1).flags(PSH | FIN).dataLength(30).build());
      h.expectState(TcpState.FIN_WAIT_1);
    }

    @Test
    void sendIsQueuedUntilEstablished() {
      TcpHarness h = new TcpHarness().synReceivedActive();
      h.conn.send(30);
      h.expectNothingSent();
      h.inject(ackIn(IRS + 1, ISS + 1));
      h.expectSent(dataOut(ISS + 1, IRS + 1, 30));
      h.expectState(TcpState.ESTABLISHED);
    }

    @Test
    void abortSendsAResetAndFreesTheSynQueueSlot() {
      TcpHarness h = new TcpHarness().synReceived();
      h.conn.abort();
      h.expectSent(rstOut(ISS + 1)); // <SEQ=SND.NXT><CTL=RST>
      h.expectState(TcpState.CLOSED);
      assertThat(h.listener.synQueueLength()).isZero();
    }

    @Test
    void status() {
      TcpHarness h = new TcpHarness().synReceived();
      assertThat(h.conn.status().state()).isEqualTo(TcpState.SYN_RECEIVED);
      assertThat(h.conn.status().rcvNxt()).isEqualTo(IRS + 1);
    }
  }

  // ===========================================================================================
  @Nested
  class Established {
    @Test
    void sendSegmentizesByMss() {
      TcpHarness h = new TcpHarness().established();
      h.conn.send(600);
      h.expectSent(TcpHarness.out(ISS + 1).ack(IRS + 1).dataLength(536).build(),
          dataOut(ISS + 1 + 536, IRS + 1, 64));
    }

    @Test
    void closeSendsTheFinAfterTheData() {
      TcpHarness h = new TcpHarness().established();
      h.conn.send(10);
      h.conn.close();
      h.expectSent(dataOut(ISS + 1, IRS + 1, 10), finOut(ISS + 11, IRS + 1));
      h.expectState(TcpState.FIN_WAIT_1);
    }

    @Test
    void abortSendsRstAtSndNxt() {
      TcpHarness h = new TcpHarness().established();
      int sndNxt = h.sendData(50);
      h.events.clear();
      h.conn.abort();
      h.expectSent(rstOut(sndNxt));
      h.expectState(TcpState.CLOSED);
      assertThat(h.signals()).containsExactly("connection aborted");
      assertThat(h.app.closed).containsExactly("connection aborted");
    }

    @Test
    void status() {
      TcpHarness h = new TcpHarness().established();
      h.conn.send(50);
      ConnectionStatus s = h.conn.status();
      assertThat(s.state()).isEqualTo(TcpState.ESTABLISHED);
      assertThat(s.sndUna()).isEqualTo(ISS + 1);
      assertThat(s.sndNxt()).isEqualTo(ISS + 51);
      assertThat(s.sndWnd()).isEqualTo(TcpHarness.WINDOW);
      assertThat(s.rcvNxt()).isEqualTo(IRS + 1);
      assertThat(s.rcvWnd()).isEqualTo(TcpHarness.WINDOW);
      assertThat(s.sendQueue()).isEqualTo(50);
    }

    @Test
    void receiveOffMakesAZeroWindowAndReceiveOnReopensIt() {
      TcpHarness h = new TcpHarness().establishedZeroWindow();
      assertThat(h.app.data).isEmpty();
      h.conn.setReading(true);
      assertThat(h.app.bytes()).isEqualTo(TcpHarness.WINDOW);
      // The window update (RFC 1122 4.2.3.3).
      h.expectSent(ackOut(ISS + 1, IRS + 1 + TcpHarness.WINDOW));
    }
  }

  // ===========================================================================================
  @Nested
  class FinWait1 {
    @Test
    void sendAndCloseAreRefused() {
      TcpHarness h = new TcpHarness().finWait1();
      UserCallsTest.sendAndCloseAreRefused(h, TcpState.FIN_WAIT_1);
    }

    @Test
    void abortSendsRst() {
      TcpHarness h = new TcpHarness().finWait1();
      h.conn.abort();
      h.expectSent(rstOut(ISS + 2));
      h.expectState(TcpState.CLOSED);
    }
  }

  @Nested
  class FinWait2 {
    @Test
    void sendAndCloseAreRefused() {
      TcpHarness h = new TcpHarness().finWait2();
      UserCallsTest.sendAndCloseAreRefused(h, TcpState.FIN_WAIT_2);
    }

    @Test
    void abortSendsRst() {
      TcpHarness h = new TcpHarness().finWait2();
      h.conn.abort();
      h.expectSent(rstOut(ISS + 2));
      h.expectState(TcpState.CLOSED);
    }
  }

  @Nested
  class CloseWait {
    @Test
    void closeGoesToLastAck() {
      // RFC 1122 4.2.2.20 (a), docs/rfc-notes.md A8.
      TcpHarness h = new TcpHarness().closeWait();
      h.conn.close();
      h.expectSent(finOut(ISS + 1, IRS + 2));
      h.expectState(TcpState.LAST_ACK);
    }

    @Test
    void sendIsAllowed() {
      TcpHarness h = new TcpHarness().closeWait();
      h.conn.send(10);
      h.expectSent(dataOut(ISS + 1, IRS + 2, 10));
    }

    @Test
    void abortSendsRst() {
      TcpHarness h = new TcpHarness().closeWait();
      h.conn.abort();
      h.expectSent(rstOut(ISS + 1));
      h.expectState(TcpState.CLOSED);
    }
  }

  /** CLOSING, LAST-ACK and TIME-WAIT: SEND and CLOSE refused; ABORT closes without a RST. */
  @Nested
  class ClosingLastAckTimeWait {
    @ParameterizedTest
    @EnumSource(value = TcpState.class, names = {"CLOSING", "LAST_ACK", "TIME_WAIT"})
    void sendAndCloseAreRefused(TcpState state) {
      TcpHarness h = build(state);
      UserCallsTest.sendAndCloseAreRefused(h, state);
    }

    @ParameterizedTest
    @EnumSource(value = TcpState.class, names = {"CLOSING", "LAST_ACK", "TIME_WAIT"})
    void abortSendsNothing(TcpState state) {
      TcpHarness h = build(state);
      h.conn.abort();
      h.expectNothingSent();
      h.expectState(TcpState.CLOSED);
      assertThat(h.app.closed).containsExactly("connection aborted");
    }

    private TcpHarness build(TcpState state) {
      Function<TcpHarness, TcpHarness> f = switch (state) {
        case CLOSING -> TcpHarness::closing;
        case LAST_ACK -> TcpHarness::lastAck;
        case TIME_WAIT -> TcpHarness::timeWait;
        default -> throw new IllegalArgumentException(state.toString());
      };
      return f.apply(new TcpHarness());
    }
  }

  @Test
  void harnessMssOptionOnSyn() {
    assertThat(TcpHarness.synOut(null).options()).isEqualTo(TcpOptions.NONE.withMss(536));
  }
}
