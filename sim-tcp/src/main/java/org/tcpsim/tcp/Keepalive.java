package org.tcpsim.tcp;

import static org.tcpsim.tcp.SeqNum.add;

/**
 * Keep-alive (RFC 1122 4.2.3.6; RFC 9293 3.8.4, MUST-24 to MUST-29), off unless the application
 * turns it on (a connection without it has no Keepalive): after an idle time with nothing heard, a probe that draws an ACK from a live peer,
 * and the end of the connection after unanswered probes.
 */
final class Keepalive {
  private final Connection c;
  private final Tcb tcb;
  private final TcpConfig cfg;
  private long lastHeard;
  private int unanswered;

  Keepalive(Connection c, Tcb tcb, TcpConfig cfg) {
    this.c = c;
    this.tcb = tcb;
    this.cfg = cfg;
  }

  /** Something arrived from the peer: the connection is alive. */
  void heard(long now) {
    lastHeard = now;
    unanswered = 0;
  }

  /** ESTABLISHED: the idle time starts. */
  void start() {
    c.setTimer(TimerKind.KEEPALIVE, c.now() + cfg.keepaliveIdle());
  }

  void expired() {
    TcpState state = c.state();
    if (!state.isSynchronized() || state == TcpState.TIME_WAIT) {
      return;
    }
    if (c.sender().hasOutstanding()) {
      // MUST-26 (RFC 9293 3.8.4): "Keep-alive packets MUST only be sent when no sent data is
      // outstanding". While data is unacknowledged, retransmission and R1/R2 watch the peer; the
      // idle time starts again from now.
      unanswered = 0;
      c.setTimer(TimerKind.KEEPALIVE, c.now() + cfg.keepaliveIdle());
      return;
    }
    long idle = c.now() - lastHeard;
    if (unanswered == 0 && idle < cfg.keepaliveIdle()) {
      c.setTimer(TimerKind.KEEPALIVE, lastHeard + cfg.keepaliveIdle());
      return;
    }
    c.host().timerFired(c.id(), TimerKind.KEEPALIVE, null);
    if (unanswered >= cfg.keepaliveProbes()) {
      c.giveUp(Transition.KEEPALIVE_UNANSWERED);
      return;
    }
    unanswered++;
    // <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=ACK>: an old sequence number draws an ACK (RFC 1122 4.2.3.6).
    c.transmit(Segment.builder().ports(c.id().local().port(), c.id().remote().port())
            .seq(add(tcb.sndNxt, -1)).ack(tcb.rcvNxt).flags(TcpFlags.ACK)
            .window(c.receiver().announceWindow()).build(),
        "keep-alive probe (RFC 1122 4.2.3.6; RFC 9293 MUST-24)");
    c.setTimer(TimerKind.KEEPALIVE, c.now() + cfg.keepaliveInterval());
  }
}
