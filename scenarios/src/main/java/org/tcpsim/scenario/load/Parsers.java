package org.tcpsim.scenario.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Prefix;
import org.tcpsim.scenario.model.Close;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.TcpFlags;

/**
 * Parsers of single values that need nothing but the text (README, Scenario files, Values), each
 * with the words that say what it accepts, for the "expected ..." of a message. Values that name
 * hosts need the declared hosts: those are {@link BindContext}'s.
 */
final class Parsers {
  private Parsers() {}

  @FunctionalInterface
  interface Fn<T> {
    T parse(String text) throws BadValue;
  }

  /** A parser with the description of what it accepts. */
  record P<T>(String expected, Fn<T> fn) {}

  static final P<String> STRING = new P<>("a string", s -> {
    if (s.isBlank()) {
      throw new BadValue("an empty string", "a string");
    }
    return s;
  });
  static final P<Long> DURATION = new P<>(Values.DURATION, Values::duration);
  static final P<Long> POSITIVE_DURATION = new P<>("a duration > 0 such as 10ms", s -> {
    long v = Values.duration(s);
    if (v == 0) {
      throw new BadValue("'" + s + "' is zero", "a duration > 0 such as 10ms");
    }
    return v;
  });
  static final P<Long> SIZE = new P<>(Values.SIZE, Values::size);
  static final P<Long> BIT_RATE = new P<>(Values.BIT_RATE, s -> {
    long v = Values.bitRate(s);
    if (v == 0) {
      throw new BadValue("'" + s + "' is zero",
          "a bit rate > 0 (leave rate out for an infinitely fast link)");
    }
    return v;
  });
  static final P<Double> EVENT_RATE = new P<>(Values.EVENT_RATE, s -> {
    double v = Values.eventRate(s);
    if (v == 0) {
      throw new BadValue("'" + s + "' is zero", "an event rate > 0 such as 100/s");
    }
    return v;
  });
  static final P<Double> PROBABILITY = new P<>(Values.PROBABILITY, Values::probability);
  static final P<Boolean> BOOLEAN = new P<>(Values.BOOLEAN, Values::bool);
  static final P<Double> NUMBER = new P<>("a number", Values::number);
  static final P<Long> SEQ = integer(0, 0xFFFF_FFFFL);
  static final P<Long> PORT = integer(1, 65_535);
  static final P<Prefix> PREFIX = new P<>("a prefix such as 198.51.100.0/24", s -> {
    try {
      return Prefix.parse(s.strip());
    } catch (IllegalArgumentException e) {
      throw new BadValue(e.getMessage(), "a prefix such as 198.51.100.0/24");
    }
  });
  static final P<Close> CLOSE = new P<>("on-peer-close, never, after-send or a duration", s -> {
    switch (s.strip()) {
      case "on-peer-close":
        return Close.ON_PEER_CLOSE;
      case "never":
        return Close.NEVER;
      case "after-send":
        return Close.AFTER_SEND;
      default:
        break;
    }
    if (!s.strip().isEmpty() && Character.isDigit(s.strip().charAt(0))) {
      return Close.after(Values.duration(s));
    }
    throw new BadValue("unknown close '" + s + "'",
        "on-peer-close, never, after-send or a duration such as 2s",
        Suggest.closest(s.strip(), List.of("on-peer-close", "never", "after-send")));
  });

  static P<Long> integer(long min, long max) {
    return new P<>(Values.expectedInteger(min, max), s -> Values.integer(s, min, max));
  }

  static P<String> choice(String what, List<String> choices) {
    String expected = "one of " + String.join(", ", choices);
    return new P<>(expected, s -> {
      String v = s.strip();
      if (!choices.contains(v)) {
        throw new BadValue("unknown " + what + " '" + v + "'", expected,
            Suggest.closest(v, choices));
      }
      return v;
    });
  }

  /** {@code choice} over an enum's keys, giving the constant. */
  static <E> P<E> enumChoice(String what, E[] values, Function<E, String> key) {
    List<String> keys = Arrays.stream(values).map(key).toList();
    P<String> names = choice(what, keys);
    return new P<>(names.expected(), s -> values[keys.indexOf(names.fn().parse(s))]);
  }

  static P<Profile> profile() {
    P<String> names = choice(Schema.Key.PROFILE, Profile.names());
    return new P<>(names.expected(), s -> Profile.parse(names.fn().parse(s)));
  }

  static int address(String text) throws BadValue {
    try {
      return Ipv4.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadValue(e.getMessage(), "an IPv4 address such as 10.0.0.1");
    }
  }

  static final List<String> FLAG_NAMES =
      List.of("SYN", "ACK", "FIN", "RST", "PSH", "URG", "ECE", "CWR");

  /** One flag name, any case, as its bit. */
  static int flag(String name) throws BadValue {
    String upper = name.strip().toUpperCase(Locale.ROOT);
    if (!FLAG_NAMES.contains(upper)) {
      throw new BadValue("unknown flag '" + name + "'", "one of " + String.join(", ", FLAG_NAMES),
          Suggest.closest(upper, FLAG_NAMES));
    }
    return TcpFlags.parse(List.of(upper));
  }
}
