package org.tcpsim.scenario.packetdrill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.packetdrill.Expr.Assign;
import org.tcpsim.scenario.packetdrill.Expr.Call;
import org.tcpsim.scenario.packetdrill.Expr.Ellipsis;
import org.tcpsim.scenario.packetdrill.Expr.Ident;
import org.tcpsim.scenario.packetdrill.Expr.ListExpr;
import org.tcpsim.scenario.packetdrill.Expr.Num;
import org.tcpsim.scenario.packetdrill.Expr.Or;
import org.tcpsim.scenario.packetdrill.Expr.Str;
import org.tcpsim.scenario.packetdrill.Expr.Struct;

/** Each construct of the script language on small scripts written for this test. */
class ScriptParserTest {
  static Script parse(String text) throws ScenarioException {
    return ScriptParser.parse("t.pkt", text);
  }

  static Event only(String text) throws ScenarioException {
    List<Event> events = parse(text).events();
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  static PacketEvent packet(String text) throws ScenarioException {
    return (PacketEvent) only("0 " + text).action();
  }

  static SyscallEvent call(String text) throws ScenarioException {
    return (SyscallEvent) only("0 " + text).action();
  }

  @Nested
  class Times {
    TimeSpec time(String t) throws ScenarioException {
      return only(t + " close(5) = 0").time();
    }

    @Test
    void absoluteAndRelativeInMicroseconds() throws ScenarioException {
      assertThat(time("1.25")).isEqualTo(new TimeSpec.Absolute(1_250_000));
      assertThat(time("+.003")).isEqualTo(new TimeSpec.Relative(3_000));
      assertThat(time("+2")).isEqualTo(new TimeSpec.Relative(2_000_000));
    }

    @Test
    void rangeAnyAndBlocking() throws ScenarioException {
      assertThat(time("0.5~0.75")).isEqualTo(
          new TimeSpec.Range(new TimeSpec.Absolute(500_000), new TimeSpec.Absolute(750_000)));
      assertThat(time("+.2~+.4")).isEqualTo(
          new TimeSpec.Range(new TimeSpec.Relative(200_000), new TimeSpec.Relative(400_000)));
      assertThat(time("*")).isEqualTo(new TimeSpec.Any());
      assertThat(time("+.5...0.7")).isEqualTo(
          new TimeSpec.Blocking(new TimeSpec.Relative(500_000), 700_000));
    }

    @Test
    void eventsKeepTheirPosition() throws ScenarioException {
      List<Event> events = parse("// two calls\n0 close(7) = 0\n  +1 close(8) = 0\n").events();
      assertThat(events).extracting(Event::line, Event::col)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1),
              org.assertj.core.groups.Tuple.tuple(3, 3));
    }
  }

  @Nested
  class Packets {
    @Test
    void inboundSynWithOptions() throws ScenarioException {
      PacketEvent p = packet("< S 0:0(0) win 4000 <mss 536,sackOK,nop,wscale 2,eol>");
      assertThat(p.direction()).isEqualTo(Event.Direction.INBOUND);
      assertThat(p.flags()).isEqualTo("S");
      assertThat(p.seq()).isEqualTo(new SeqRange(0, 0, 0));
      assertThat(p.ack()).isEmpty();
      assertThat(p.win()).isEqualTo(OptionalLong.of(4000));
      assertThat(p.options().list()).containsExactly(new TcpOption.Mss(536),
          new TcpOption.SackPermitted(), new TcpOption.Nop(), new TcpOption.WindowScale(2),
          new TcpOption.Eol());
    }

    @Test
    void outboundDataWithAckAndNoOptions() throws ScenarioException {
      PacketEvent p = packet("> FP. 501:801(300) ack 9");
      assertThat(p.direction()).isEqualTo(Event.Direction.OUTBOUND);
      assertThat(p.flags()).isEqualTo("FP.");
      assertThat(p.has('F') && p.has('P') && p.has('.')).isTrue();
      assertThat(p.seq()).isEqualTo(new SeqRange(501, 801, 300));
      assertThat(p.ack()).isEqualTo(OptionalLong.of(9));
      assertThat(p.options()).isEqualTo(TcpOptions.NONE);
    }

    @Test
    void anyOptionsNoFlagsEcnAndUrgentPointer() throws ScenarioException {
      assertThat(packet("> S 0:0(0) <...>").options()).isEqualTo(TcpOptions.ANY);
      assertThat(packet("< - 1:11(10) win 99").flags()).isEqualTo("-");
      PacketEvent p = packet("< [ce] U. 1:3(2) ack 1 win 50 urg 2");
      assertThat(p.ecn()).isEqualTo(Optional.of("ce"));
      assertThat(p.urg()).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void timestampSackAndFastOpenOptions() throws ScenarioException {
      PacketEvent p = packet("< . 1:1(0) ack 7 win 9 <nop,nop,TS val 77 ecr 66,"
          + "sack 20:30 40:50,FO 0fe1d2,FOEXP,FO MY_COOKIE>");
      assertThat(p.options().list()).containsExactly(new TcpOption.Nop(), new TcpOption.Nop(),
          new TcpOption.Timestamp(77, 66),
          new TcpOption.Sack(List.of(new TcpOption.Block(20, 30), new TcpOption.Block(40, 50))),
          new TcpOption.FastOpen(false, "0fe1d2"), new TcpOption.FastOpen(true, ""),
          new TcpOption.FastOpen(false, "MY_COOKIE"));
    }

    @Test
    void sequenceRangeWrapsModulo2To32() throws ScenarioException {
      assertThat(packet("> . 4294967290:4(10) ack 1").seq().len()).isEqualTo(10);
    }

    @Test
    void icmpQuotingASegment() throws ScenarioException {
      IcmpEvent i = (IcmpEvent) only("0 < icmp unreachable frag_needed mtu 576 [1:501(500)]")
          .action();
      assertThat(i).isEqualTo(new IcmpEvent(Event.Direction.INBOUND, "unreachable",
          Optional.of("frag_needed"), OptionalLong.of(576),
          Optional.of(new SeqRange(1, 501, 500))));
    }
  }

  @Nested
  class Syscalls {
    @Test
    void argumentsOfEveryKind() throws ScenarioException {
      SyscallEvent s = call("frob(-2, 0x1f, NAME, \"a\\x41\\n\", ..., [8], {x=1, y=A|B|C}) = 3");
      assertThat(s.name()).isEqualTo("frob");
      assertThat(s.args()).containsExactly(new Num(-2, "-2"), new Num(31, "0x1f"),
          new Ident("NAME"), new Str("aA\n"), new Ellipsis(),
          new ListExpr(List.of(new Num(8, "8"))),
          new Struct(List.of(new Assign(new Ident("x"), new Num(1, "1")),
              new Assign(new Ident("y"),
                  new Or(new Or(new Ident("A"), new Ident("B")), new Ident("C"))))));
      assertThat(s.result()).isEqualTo(3);
      assertThat(s.errno()).isEmpty();
      assertThat(s.note()).isEmpty();
    }

    @Test
    void countedFieldsAndEmptyLists() throws ScenarioException {
      SyscallEvent s = call("gather(4, {v(2)=[{...,5}, {...,6}], w(...)=..., z=[]}, 0) = 11");
      Struct st = (Struct) s.args().get(1);
      assertThat(st.items().get(0)).isEqualTo(new Assign(new Call("v", List.of(new Num(2, "2"))),
          new ListExpr(List.of(new Struct(List.of(new Ellipsis(), new Num(5, "5"))),
              new Struct(List.of(new Ellipsis(), new Num(6, "6")))))));
      assertThat(st.items().get(1))
          .isEqualTo(new Assign(new Call("w", List.of(new Ellipsis())), new Ellipsis()));
      assertThat(st.items().get(2)).isEqualTo(new Assign(new Ident("z"), new ListExpr(List.of())));
    }

    @Test
    void errnoWithItsText() throws ScenarioException {
      SyscallEvent s = call("accept(9, ..., ...) = -1 EWOULDBLOCK (Try (much) later)");
      assertThat(s.result()).isEqualTo(-1);
      assertThat(s.errno()).isEqualTo(Optional.of("EWOULDBLOCK"));
      assertThat(s.note()).isEqualTo(Optional.of("Try (much) later"));
    }

    @Test
    void noteWithoutErrnoAndHexResult() throws ScenarioException {
      SyscallEvent s = call("fcntl(6, F_GETFL) = 0x802 (flags O_RDWR|O_NONBLOCK)");
      assertThat(s.result()).isEqualTo(0x802);
      assertThat(s.errno()).isEmpty();
      assertThat(s.note()).isEqualTo(Optional.of("flags O_RDWR|O_NONBLOCK"));
    }

    @Test
    void argumentsMaySpanLines() throws ScenarioException {
      List<Event> events = parse("0 sync(1,\n   2) = -1\n+0 close(2) = 0\n").events();
      SyscallEvent s = (SyscallEvent) events.get(0).action();
      assertThat(s.args()).hasSize(2);
      assertThat(s.errno()).isEmpty();
      assertThat(events.get(1).line()).isEqualTo(3);
    }
  }

  @Nested
  class ShellAssertAndFlags {
    @Test
    void untimedAndTimedShellLines() throws ScenarioException {
      List<Event> events = parse("`echo start`\n+0 `echo one;\n echo two`\n").events();
      assertThat(events.get(0).time()).isEqualTo(new TimeSpec.Untimed());
      assertThat(events.get(0).action()).isEqualTo(new ShellEvent("echo start"));
      assertThat(events.get(1).action()).isEqualTo(new ShellEvent("echo one;\n echo two"));
    }

    @Test
    void assertionBodyKeptAsText() throws ScenarioException {
      Event e = only("+.2 %{\nassert tcpi_rto >= 200000, tcpi_rto  # lower bound\n}%");
      assertThat(e.action()).isEqualTo(
          new AssertEvent("\nassert tcpi_rto >= 200000, tcpi_rto  # lower bound\n"));
    }

    @Test
    void flagsWithAndWithoutValues() throws ScenarioException {
      Script s = parse("--tolerance_usecs=2500\n--strict_segments\n--local_ip=fe80::2\n"
          + "0 close(3) = 0\n");
      assertThat(s.flags()).containsExactly(
          new Script.Flag("tolerance_usecs", Optional.of("2500"), 1),
          new Script.Flag("strict_segments", Optional.empty(), 2),
          new Script.Flag("local_ip", Optional.of("fe80::2"), 3));
      assertThat(s.flag("tolerance_usecs")).contains("2500");
      assertThat(s.events()).hasSize(1);
    }

    @Test
    void commentsOfBothKinds() throws ScenarioException {
      Script s = parse("/* a\n block */ 0 close(3) = 0 // trailing\n// whole line\n");
      assertThat(s.events()).hasSize(1);
      assertThat(s.events().get(0).line()).isEqualTo(2);
    }
  }
}
