package org.tcpsim.scenario.packetdrill;

import java.util.Optional;
import java.util.OptionalLong;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.packetdrill.Token.Kind;

/**
 * Packet lines, in packetdrill's order:
 *
 * <pre>
 * packet  := ('<' | '>') ['[' ecn ']'] flags start:end(len) ['ack' n] ['win' n] ['urg' n]
 *            ['&lt;' options '&gt;']
 * icmp    := ('<' | '>') 'icmp' type [code] ['mtu' n] ['[' start:end(len) ']']
 * </pre>
 *
 * Flags are one glued word of {@code S F R P E W U N} and {@code .} (ACK), or {@code -} for
 * none. TCP options are {@link OptionParser}'s.
 */
final class PacketParser {
  private static final String FLAG_CHARS = "SFRPEWUN.";
  private static final String SEQ = "a sequence range such as 1:1001(1000)";

  private final Cursor in;
  private final OptionParser options;

  PacketParser(Cursor in) {
    this.in = in;
    this.options = new OptionParser(in);
  }

  Event.Action packet() throws ScenarioException {
    Event.Direction dir =
        in.next().isPunct("<") ? Event.Direction.INBOUND : Event.Direction.OUTBOUND;
    if (in.peek().isWord("icmp")) {
      in.next();
      return icmp(dir);
    }
    Optional<String> ecn = Optional.empty();
    if (in.accept("[")) {
      ecn = Optional.of(in.expect(Kind.WORD, "an ECN mark such as ect0, ect1, ce or noecn")
          .text());
      in.expectPunct("]", "']' to close the ECN mark");
    }
    String flags = flags();
    SeqRange seq = seqRange();
    OptionalLong ack = keyword("ack");
    OptionalLong win = keyword("win");
    OptionalLong urg = keyword("urg");
    TcpOptions opts = in.peek().isPunct("<") ? options.options() : TcpOptions.NONE;
    return new PacketEvent(dir, ecn, flags, seq, ack, win, urg, opts);
  }

  private String flags() throws ScenarioException {
    Token first = in.peek();
    if (first.kind() != Kind.WORD && !first.isPunct(".") && !first.isPunct("-")) {
      throw in.unexpected("TCP flags such as S, S., P., F. or . (or - for none)");
    }
    in.next();
    String flags = in.glued(first, PacketParser::flagPart);
    if (flags.equals("-")) {
      return flags;
    }
    for (char c : flags.toCharArray()) {
      if (FLAG_CHARS.indexOf(c) < 0) {
        throw in.error(first, "unknown TCP flag '" + c + "' in '" + flags
            + "', expected flags from S F R P E W U N and . for ACK, or - for none");
      }
    }
    return flags;
  }

  private static boolean flagPart(Token t) {
    return t.kind() == Kind.WORD || t.isPunct(".") || t.isPunct("-");
  }

  /** {@code start:end(len)}; the length must match the range, modulo 2^32. */
  SeqRange seqRange() throws ScenarioException {
    Token at = in.peek();
    long start = in.unsigned(SEQ);
    in.expectPunct(":", "':' in " + SEQ);
    long end = in.unsigned("the end of " + SEQ);
    in.expectPunct("(", "'(' and the payload length in " + SEQ);
    long len = in.unsigned("the payload length in " + SEQ);
    in.expectPunct(")", "')' after the payload length in " + SEQ);
    if (((end - start) & 0xffffffffL) != len) {
      throw in.error(at, "the range " + start + ":" + end + " holds " + ((end - start)
          & 0xffffffffL) + " bytes but the length is " + len + ", expected end - start = len");
    }
    return new SeqRange(start, end, len);
  }

  private OptionalLong keyword(String word) throws ScenarioException {
    if (!in.peek().isWord(word)) {
      return OptionalLong.empty();
    }
    in.next();
    return OptionalLong.of(in.unsigned("a number after '" + word + "'"));
  }

  private IcmpEvent icmp(Event.Direction dir) throws ScenarioException {
    String type = in.expect(Kind.WORD, "an ICMP type such as unreachable").text();
    Optional<String> code = Optional.empty();
    if (in.peek().kind() == Kind.WORD && !in.peek().isWord("mtu")) {
      code = Optional.of(in.next().text());
    }
    OptionalLong mtu = keyword("mtu");
    Optional<SeqRange> quoted = Optional.empty();
    if (in.accept("[")) {
      quoted = Optional.of(seqRange());
      in.expectPunct("]", "']' after the quoted segment's sequence range");
    }
    return new IcmpEvent(dir, type, code, mtu, quoted);
  }
}
