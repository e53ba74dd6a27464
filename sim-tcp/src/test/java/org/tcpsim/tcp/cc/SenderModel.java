package org.tcpsim.tcp.cc;

import org.tcpsim.tcp.SeqNum;

/**
 * The sender-side sequence variables around a {@link CongestionControl}, so that tests pass it
 * consistent ACK numbers and flight sizes. SND.NXT here never moves back (it is SND.MAX).
 */
final class SenderModel {
  final CongestionControl cc;
  int sndUna;
  int sndNxt;

  /** After the handshake: SND.UNA = SND.NXT = ISS + 1. */
  SenderModel(CongestionControl cc, int iss, int smss) {
    this.cc = cc;
    cc.initialSendSequence(iss);
    cc.established(smss);
    sndUna = SeqNum.add(iss, 1);
    sndNxt = sndUna;
  }

  int flightSize() {
    return SeqNum.diff(sndNxt, sndUna);
  }

  SenderModel send(int bytes) {
    sndNxt = SeqNum.add(sndNxt, bytes);
    return this;
  }

  /** An ACK moving SND.UNA forward by {@code bytes}; returns the retransmit request. */
  boolean ackNew(int bytes) {
    int flightBefore = flightSize();
    sndUna = SeqNum.add(sndUna, bytes);
    return cc.onNewAck(bytes, flightBefore, sndUna, sndNxt);
  }

  /** One duplicate ACK (SEG.ACK = SND.UNA); returns the fast retransmit request. */
  boolean dupAck() {
    return cc.onDuplicateAck(flightSize(), sndUna, sndNxt);
  }

  /** {@code n} duplicate ACKs; returns how many of them requested a retransmission. */
  int dupAcks(int n) {
    int retransmits = 0;
    for (int i = 0; i < n; i++) {
      if (dupAck()) {
        retransmits++;
      }
    }
    return retransmits;
  }

  void timeout() {
    cc.onRetransmissionTimeout(flightSize(), sndNxt);
  }
}
