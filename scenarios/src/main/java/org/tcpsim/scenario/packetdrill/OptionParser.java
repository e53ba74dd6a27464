package org.tcpsim.scenario.packetdrill;

import java.util.ArrayList;
import java.util.List;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.packetdrill.Token.Kind;

/**
 * A packet's TCP options: {@code <...>} for any, or a comma-separated list as packetdrill spells
 * the options: {@code nop}, {@code eol}, {@code mss N}, {@code wscale N}, {@code sackOK},
 * {@code sack L:R ...}, {@code TS val N ecr N}, {@code FO [cookie]}, {@code FOEXP [cookie]},
 * {@code md5 DIGEST}.
 */
final class OptionParser {
  private static final String OPTION = "a TCP option: nop, eol, mss N, wscale N, sackOK, "
      + "sack L:R, TS val N ecr N, FO, FOEXP or md5";

  private final Cursor in;

  OptionParser(Cursor in) {
    this.in = in;
  }

  TcpOptions options() throws ScenarioException {
    in.expectPunct("<", "'<' to open the TCP options");
    if (in.peek().kind() == Kind.ELLIPSIS) {
      in.next();
      in.expectPunct(">", "'>' after <... (any options)");
      return TcpOptions.ANY;
    }
    List<TcpOption> list = new ArrayList<>();
    if (in.accept(">")) {
      return TcpOptions.of(list);
    }
    do {
      list.add(option());
    } while (in.accept(","));
    in.expectPunct(">", "',' and another option, or '>' to close the options");
    return TcpOptions.of(list);
  }

  private TcpOption option() throws ScenarioException {
    Token t = in.expect(Kind.WORD, OPTION);
    switch (t.text()) {
      case "nop":
        return new TcpOption.Nop();
      case "eol":
        return new TcpOption.Eol();
      case "sackOK":
        return new TcpOption.SackPermitted();
      case "mss":
        return new TcpOption.Mss(in.unsigned("the MSS value after 'mss'"));
      case "wscale":
        return new TcpOption.WindowScale(in.unsigned("the shift count after 'wscale'"));
      case "TS":
        return timestamp();
      case "sack":
        return sack();
      case "FO":
        return new TcpOption.FastOpen(false, cookie());
      case "FOEXP":
        return new TcpOption.FastOpen(true, cookie());
      case "md5":
        if (in.peek().kind() != Kind.NUMBER && in.peek().kind() != Kind.WORD) {
          throw in.unexpected("the MD5 digest in hex after 'md5'");
        }
        return new TcpOption.Md5(cookie());
      default:
        throw in.error(t, "unknown TCP option '" + t.text() + "', expected " + OPTION);
    }
  }

  /** {@code TS val N ecr N} (RFC 7323 3). */
  private TcpOption timestamp() throws ScenarioException {
    expectWord("val", "'val' after 'TS', as in TS val 100 ecr 0");
    long val = in.unsigned("the TSval number after 'TS val'");
    expectWord("ecr", "'ecr' after the TSval, as in TS val 100 ecr 0");
    long ecr = in.unsigned("the TSecr number after 'ecr'");
    return new TcpOption.Timestamp(val, ecr);
  }

  /** {@code sack 1001:2001 3001:4001}: zero or more blocks. */
  private TcpOption sack() throws ScenarioException {
    List<TcpOption.Block> blocks = new ArrayList<>();
    while (in.peek().kind() == Kind.NUMBER) {
      long left = in.unsigned("a SACK block's left edge");
      in.expectPunct(":", "':' in a SACK block such as 1001:2001");
      blocks.add(new TcpOption.Block(left, in.unsigned("a SACK block's right edge")));
    }
    return new TcpOption.Sack(blocks);
  }

  /** A Fast Open cookie as written (hex digits or a name), or empty when none follows. */
  private String cookie() {
    Token t = in.peek();
    if (t.kind() != Kind.NUMBER && t.kind() != Kind.WORD) {
      return "";
    }
    in.next();
    return in.glued(t, x -> x.kind() == Kind.NUMBER || x.kind() == Kind.WORD);
  }

  private void expectWord(String word, String expected) throws ScenarioException {
    if (!in.peek().isWord(word)) {
      throw in.unexpected(expected);
    }
    in.next();
  }
}
