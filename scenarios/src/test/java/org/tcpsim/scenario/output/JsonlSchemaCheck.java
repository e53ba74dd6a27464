package org.tcpsim.scenario.output;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A strict checker for the JSON Lines trace, version 1 (README, Outputs, JSON Lines trace), to
 * run on any trace the simulator writes, bundled scenarios included. It checks what the contract
 * promises and the extensions {@link JsonlTraceWriter} adds, and rejects anything else, so that a
 * typo or a changed key order shows up here before users' scripts meet it:
 *
 * <ul>
 *   <li>each line is exactly one JSON object (no duplicate keys, nothing after it);
 *   <li>{@code t} is an integer &gt;= 0 and never decreases; {@code ev} is one of {@code send},
 *       {@code recv}, {@code drop}, {@code state}, {@code user}, {@code timer}, {@code listen};
 *   <li>each kind has its required fields with the right types, optional ones only where
 *       allowed, no others, all in the fixed order;
 *   <li>{@code seg} is {@code {src, dst, flags, seq, ack?, len, wnd}} in that order, endpoints
 *       {@code a.b.c.d:port}, flags known, unique and in trace order (SYN, ACK, FIN, RST, PSH,
 *       URG, ECE, CWR), {@code ack} present exactly when ACK is set, 32-bit and 16-bit ranges;
 *   <li>states use the RFC spelling and a {@code state} event really changes state.
 * </ul>
 */
public final class JsonlSchemaCheck {
  /** The trace order of flags, as README, Scenario files, Values lists them. */
  private static final List<String> FLAG_ORDER =
      List.of("SYN", "ACK", "FIN", "RST", "PSH", "URG", "ECE", "CWR");

  /** RFC 9293 3.3.2's eleven states, spelled as the RFC does. */
  private static final Set<String> STATES = Set.of("CLOSED", "LISTEN", "SYN-SENT",
      "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING",
      "LAST-ACK", "TIME-WAIT");

  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final String PORT =
      "(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3}|0)";
  private static final String ENDPOINT = OCTET + "(?:\\." + OCTET + "){3}:" + PORT;
  private static final Pattern ENDPOINT_RE = Pattern.compile(ENDPOINT);
  private static final Pattern CONN_RE = Pattern.compile(ENDPOINT + ">(?:" + ENDPOINT + "|\\*)");
  private static final Pattern LISTENING_RE = Pattern.compile(ENDPOINT + ">\\*");
  /** Reasons, timer names and listener counters are short kebab-case words. */
  private static final Pattern WORD_RE = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

  private static final long U32_MAX = 0xFFFF_FFFFL;
  private static final long U16_MAX = 0xFFFF;

  /** What a field must hold. */
  private enum Type {
    TEXT, WORD, COUNT, TRUE, SEG, CONN, LISTENING, STATE
  }

  private record Field(String name, Type type, boolean required) {}

  private static Field req(String name, Type type) {
    return new Field(name, type, true);
  }

  private static Field opt(String name, Type type) {
    return new Field(name, type, false);
  }

  /** Per kind, every allowed field after {@code t} and {@code ev}, in the only allowed order. */
  private static final Map<String, List<Field>> KINDS = Map.of(
      "send", List.of(req("host", Type.TEXT), req("seg", Type.SEG), opt("injected", Type.TRUE),
          opt("cause", Type.TEXT)),
      "recv", List.of(req("host", Type.TEXT), req("seg", Type.SEG)),
      "drop", List.of(req("where", Type.TEXT), req("reason", Type.WORD), req("seg", Type.SEG),
          opt("cause", Type.TEXT)),
      "state", List.of(req("host", Type.TEXT), req("conn", Type.CONN), req("from", Type.STATE),
          req("to", Type.STATE), req("cause", Type.TEXT)),
      "user", List.of(req("host", Type.TEXT), req("conn", Type.CONN), req("signal", Type.TEXT)),
      "timer", List.of(req("host", Type.TEXT), req("conn", Type.CONN), req("timer", Type.WORD),
          opt("detail", Type.TEXT)),
      "listen", List.of(req("host", Type.TEXT), req("conn", Type.LISTENING),
          req("what", Type.WORD), req("syn_queue", Type.COUNT), req("accept_queue", Type.COUNT)));

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JsonlSchemaCheck() {}

  /**
   * Every problem found, each as {@code line N: what is wrong}; empty when the trace is valid.
   * Lines are numbered from 1.
   */
  public static List<String> violations(List<String> lines) {
    List<String> problems = new ArrayList<>();
    long lastTime = Long.MIN_VALUE;
    for (int i = 0; i < lines.size(); i++) {
      Line line = new Line(i + 1, problems);
      Long t = line.check(lines.get(i));
      if (t != null) {
        if (t < lastTime) {
          line.problem("t " + t + " is before the previous line's " + lastTime);
        }
        lastTime = Math.max(lastTime, t);
      }
    }
    return problems;
  }

  /** Throws an {@link AssertionError} listing the first problems, if there are any. */
  public static void assertValid(List<String> lines) {
    List<String> problems = violations(lines);
    if (!problems.isEmpty()) {
      throw new AssertionError(problems.size() + " JSONL schema violation(s):\n  "
          + problems.stream().limit(30).collect(Collectors.joining("\n  ")));
    }
  }

  /** The checks of one line; problems are added to the shared list with the line number. */
  private static final class Line {
    private final int number;
    private final List<String> problems;

    Line(int number, List<String> problems) {
      this.number = number;
      this.problems = problems;
    }

    void problem(String what) {
      problems.add("line " + number + ": " + what);
    }

    /** Checks the line; returns its {@code t} when it has a usable one. */
    Long check(String text) {
      JsonNode node;
      try {
        node = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        problem("not one JSON value: " + e.getOriginalMessage());
        return null;
      }
      if (node == null || !node.isObject()) {
        problem("not a JSON object: " + text);
        return null;
      }
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      if (keys.size() < 2 || !keys.get(0).equals("t") || !keys.get(1).equals("ev")) {
        problem("must begin with \"t\" then \"ev\", has keys " + keys);
      }
      Long t = null;
      JsonNode tn = node.get("t");
      if (tn == null || !isInteger(tn, 0, Long.MAX_VALUE)) {
        problem("t must be an integer number of nanoseconds >= 0, got " + tn);
      } else {
        t = tn.longValue();
      }
      JsonNode ev = node.get("ev");
      if (ev == null || !ev.isTextual() || !KINDS.containsKey(ev.asText())) {
        problem("ev must be one of " + new TreeSet<>(KINDS.keySet()) + ", got " + ev);
        return t;
      }
      fields(node, keys.subList(Math.min(2, keys.size()), keys.size()), KINDS.get(ev.asText()),
          ev.asText());
      if (ev.asText().equals("state") && node.path("from").equals(node.path("to"))) {
        problem("state event from " + node.path("from") + " to the same state");
      }
      return t;
    }

    /** The fields after t and ev: a subsequence of {@code allowed} with every required one. */
    private void fields(JsonNode node, List<String> keys, List<Field> allowed, String ev) {
      int next = 0;
      for (String key : keys) {
        int at = indexOf(allowed, key);
        if (at < 0) {
          problem("unknown field \"" + key + "\" in a " + ev + " event; allowed: "
              + allowed.stream().map(Field::name).toList());
        } else if (at < next) {
          problem("field \"" + key + "\" out of order in a " + ev + " event; order: "
              + allowed.stream().map(Field::name).toList());
        } else {
          next = at + 1;
          value(key, allowed.get(at).type(), node.get(key));
        }
      }
      for (Field f : allowed) {
        if (f.required() && !node.has(f.name())) {
          problem(ev + " event without \"" + f.name() + "\"");
        }
      }
    }

    private void value(String key, Type type, JsonNode v) {
      switch (type) {
        case TEXT -> {
          if (!v.isTextual() || v.asText().isEmpty()) {
            problem(key + " must be a non-empty string, got " + v);
          }
        }
        case WORD -> {
          if (!v.isTextual() || !WORD_RE.matcher(v.asText()).matches()) {
            problem(key + " must be a kebab-case word, got " + v);
          }
        }
        case COUNT -> {
          if (!isInteger(v, 0, Integer.MAX_VALUE)) {
            problem(key + " must be an integer >= 0, got " + v);
          }
        }
        case TRUE -> {
          if (!v.isBoolean() || !v.booleanValue()) {
            problem(key + " must be true when present (absent means false), got " + v);
          }
        }
        case SEG -> seg(v);
        case CONN -> matches(key, v, CONN_RE, "local>remote (10.0.0.1:1024>10.0.0.2:80 or ...>*)");
        case LISTENING -> matches(key, v, LISTENING_RE, "a listening socket (10.0.0.2:80>*)");
        case STATE -> {
          if (!v.isTextual() || !STATES.contains(v.asText())) {
            problem(key + " must be an RFC 9293 state spelled as the RFC does (SYN-SENT), got "
                + v);
          }
        }
      }
    }

    private void matches(String key, JsonNode v, Pattern re, String expected) {
      if (!v.isTextual() || !re.matcher(v.asText()).matches()) {
        problem(key + " must be " + expected + ", got " + v);
      }
    }

    private void seg(JsonNode seg) {
      if (!seg.isObject()) {
        problem("seg must be an object, got " + seg);
        return;
      }
      List<String> flags = flags(seg.get("flags"));
      boolean hasAck = flags.contains("ACK");
      List<String> expected = hasAck
          ? List.of("src", "dst", "flags", "seq", "ack", "len", "wnd")
          : List.of("src", "dst", "flags", "seq", "len", "wnd");
      List<String> keys = new ArrayList<>();
      seg.fieldNames().forEachRemaining(keys::add);
      if (!keys.equals(expected)) {
        problem("seg must have exactly the keys " + expected
            + (hasAck ? " (ack because ACK is set)" : " (no ack: ACK is not set)") + ", has "
            + keys);
      }
      matches("seg.src", seg.path("src"), ENDPOINT_RE, "an endpoint a.b.c.d:port");
      matches("seg.dst", seg.path("dst"), ENDPOINT_RE, "an endpoint a.b.c.d:port");
      range("seg.seq", seg.get("seq"), U32_MAX);
      if (seg.has("ack")) {
        range("seg.ack", seg.get("ack"), U32_MAX);
      }
      range("seg.len", seg.get("len"), Integer.MAX_VALUE);
      range("seg.wnd", seg.get("wnd"), U16_MAX);
    }

    /** The flag names, after checking they are known, unique strings in trace order. */
    private List<String> flags(JsonNode flags) {
      List<String> names = new ArrayList<>();
      if (flags == null || !flags.isArray()) {
        problem("seg.flags must be an array of flag names, got " + flags);
        return names;
      }
      int last = -1;
      for (Iterator<JsonNode> it = flags.elements(); it.hasNext(); ) {
        JsonNode f = it.next();
        int at = f.isTextual() ? FLAG_ORDER.indexOf(f.asText()) : -1;
        if (at < 0) {
          problem("seg.flags has " + f + ", not one of " + FLAG_ORDER);
          continue;
        }
        if (at <= last) {
          problem("seg.flags " + flags + " not in the order " + FLAG_ORDER + " or repeated");
        }
        last = Math.max(last, at);
        names.add(f.asText());
      }
      return names;
    }

    private void range(String key, JsonNode v, long max) {
      if (v != null && !isInteger(v, 0, max)) {
        problem(key + " must be an integer 0.." + max + ", got " + v);
      }
    }
  }

  private static int indexOf(List<Field> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isInteger(JsonNode v, long min, long max) {
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      return false;
    }
    long x = v.longValue();
    return x >= min && x <= max;
  }
}
