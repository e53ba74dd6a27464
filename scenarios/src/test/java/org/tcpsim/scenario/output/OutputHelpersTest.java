package org.tcpsim.scenario.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.TcpFlags;

class OutputHelpersTest {
  static final Endpoint A = new Endpoint(0x0A000001, 1024);
  static final Endpoint B = new Endpoint(0x0A000002, 80);

  static Segment seg(int seq, int flags) {
    return Segment.builder().ports(1024, 80).seq(seq).flags(flags).build();
  }

  @Nested
  class RelativeSequenceNumbers {
    final RelativeSeq rel = new RelativeSeq();

    @Test
    void theSynIsZeroAndTheFirstDataOctetOne() {
      assertThat(rel.seq(A, B, seg(1000, TcpFlags.SYN))).isZero();
      assertThat(rel.seq(A, B, seg(1001, TcpFlags.ACK))).isEqualTo(1);
    }

    @Test
    void acksAreRelativeToTheOtherDirection() {
      rel.seq(A, B, seg(1000, TcpFlags.SYN));
      Segment synAck = Segment.builder().ports(80, 1024).seq(7).ack(1001).flags(TcpFlags.SYN).build();
      assertThat(rel.seq(B, A, synAck)).isZero();
      assertThat(rel.ack(B, A, synAck)).isEqualTo(1);
    }

    @Test
    void withoutASynTheFirstNumberIsTheBaseUntilASynComes() {
      assertThat(rel.seq(A, B, seg(5000, TcpFlags.ACK))).isZero();
      assertThat(rel.seq(A, B, seg(5010, TcpFlags.ACK))).isEqualTo(10);
      assertThat(rel.seq(A, B, seg(4000, TcpFlags.SYN))).isZero();
      assertThat(rel.seq(A, B, seg(4001, TcpFlags.ACK))).isEqualTo(1);
      assertThat(rel.seq(A, B, seg(9000, TcpFlags.SYN))).isEqualTo(5000); // only the first SYN
    }

    @Test
    void anOldDuplicateBeforeTheIsnIsNegative() {
      rel.seq(A, B, seg(100, TcpFlags.SYN));
      assertThat(rel.seq(A, B, seg(90, TcpFlags.SYN))).isEqualTo(-10);
    }

    @Test
    void numbersWrapModulo2To32() {
      rel.seq(A, B, seg(0xFFFF_FFF0, TcpFlags.SYN));
      assertThat(rel.seq(A, B, seg(0x10, TcpFlags.ACK))).isEqualTo(32);
    }
  }

  @Nested
  class SecondsWithNineDecimals {
    @Test
    void nanosecondsAreKept() {
      assertThat(Seconds.format(0)).isEqualTo("0.000000000");
      assertThat(Seconds.format(1)).isEqualTo("0.000000001");
      assertThat(Seconds.format(5_000_000)).isEqualTo("0.005000000");
      assertThat(Seconds.format(240_230_000_000L)).isEqualTo("240.230000000");
    }
  }

  @Nested
  class NotationOfTheRfcFigures {
    @Test
    void controlBitsInTheFiguresOrderWithoutPsh() {
      Segment s = Segment.builder().ports(1, 2).seq(100).ack(300)
          .flags(TcpFlags.FIN | TcpFlags.PSH).dataLength(10).build();
      assertThat(RfcNotation.of(s)).isEqualTo("<SEQ=100><ACK=300><CTL=FIN,ACK><DATA=10>");
      assertThat(RfcNotation.of(seg(0, TcpFlags.RST | TcpFlags.ACK)))
          .isEqualTo("<SEQ=0><ACK=0><CTL=RST,ACK>");
      assertThat(RfcNotation.of(seg(-1, 0))).isEqualTo("<SEQ=4294967295>");
    }
  }
}
