package org.tcpsim.scenario.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checker must accept every shape the contract allows and flag each way to break it. */
class JsonlSchemaCheckTest {
  static final String SEG = "{\"src\":\"10.0.0.1:1024\",\"dst\":\"10.0.0.2:80\","
      + "\"flags\":[\"SYN\",\"ACK\"],\"seq\":300,\"ack\":101,\"len\":0,\"wnd\":1000}";

  static final List<String> VALID = List.of(
      "{\"t\":0,\"ev\":\"state\",\"host\":\"B\",\"conn\":\"10.0.0.2:80>*\",\"from\":\"CLOSED\","
          + "\"to\":\"LISTEN\",\"cause\":\"passive OPEN\"}",
      "{\"t\":0,\"ev\":\"send\",\"host\":\"A\",\"seg\":{\"src\":\"10.0.0.1:1024\","
          + "\"dst\":\"10.0.0.2:80\",\"flags\":[\"SYN\"],\"seq\":4294967295,\"len\":0,"
          + "\"wnd\":65535},\"injected\":true,\"cause\":\"x\"}",
      "{\"t\":5,\"ev\":\"recv\",\"host\":\"B\",\"seg\":" + SEG + "}",
      "{\"t\":5,\"ev\":\"drop\",\"where\":\"A-B\",\"reason\":\"out-of-window\",\"seg\":" + SEG
          + "}",
      "{\"t\":6,\"ev\":\"user\",\"host\":\"A\",\"conn\":\"10.0.0.1:1024>10.0.0.2:80\","
          + "\"signal\":\"connection reset\"}",
      "{\"t\":7,\"ev\":\"timer\",\"host\":\"A\",\"conn\":\"10.0.0.1:1024>10.0.0.2:80\","
          + "\"timer\":\"retransmit\"}",
      "{\"t\":8,\"ev\":\"listen\",\"host\":\"B\",\"conn\":\"10.0.0.2:80>*\","
          + "\"what\":\"syn-queued\",\"syn_queue\":1,\"accept_queue\":0}");

  @Test
  void acceptsEveryKindOfEvent() {
    assertThat(JsonlSchemaCheck.violations(VALID)).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      not json                                                                  | not one JSON value
      [1,2]                                                                     | not a JSON object
      {"t":1,"ev":"user","host":"A","conn":"1.2.3.4:1>1.2.3.4:2","signal":"x"} {} | not one JSON value
      {"t":1,"t":2,"ev":"user"}                                                 | not one JSON value
      {"ev":"user","t":1,"host":"A","conn":"1.2.3.4:1>1.2.3.4:2","signal":"x"}  | must begin with "t" then "ev"
      {"t":1.5,"ev":"user","host":"A","conn":"1.2.3.4:1>1.2.3.4:2","signal":"x"} | t must be an integer
      {"t":-1,"ev":"user","host":"A","conn":"1.2.3.4:1>1.2.3.4:2","signal":"x"} | t must be an integer
      {"t":"1","ev":"user","host":"A","conn":"1.2.3.4:1>1.2.3.4:2","signal":"x"} | t must be an integer
      {"t":1,"ev":"sent","host":"A"}                                            | ev must be one of
      {"t":1,"ev":"user","host":"A","conn":"1.2.3.4:1>1.2.3.4:2"}               | user event without "signal"
      {"t":1,"ev":"user","conn":"1.2.3.4:1>1.2.3.4:2","host":"A","signal":"x"}  | out of order
      {"t":1,"ev":"user","host":"A","conn":"1.2.3.4:1>1.2.3.4:2","signal":"x","n":1} | unknown field "n"
      {"t":1,"ev":"user","host":"","conn":"1.2.3.4:1>1.2.3.4:2","signal":"x"}   | host must be a non-empty string
      {"t":1,"ev":"user","host":"A","conn":"1.2.3.4:1-1.2.3.4:2","signal":"x"}  | conn must be local>remote
      {"t":1,"ev":"user","host":"A","conn":"1.2.3.400:1>1.2.3.4:2","signal":"x"} | conn must be local>remote
      {"t":1,"ev":"user","host":"A","conn":"1.2.3.4:65536>1.2.3.4:2","signal":"x"} | conn must be local>remote
      {"t":1,"ev":"state","host":"A","conn":"1.2.3.4:1>*","from":"SYN_SENT","to":"CLOSED","cause":"c"} | from must be an RFC 9293 state
      {"t":1,"ev":"state","host":"A","conn":"1.2.3.4:1>*","from":"CLOSED","to":"closed","cause":"c"} | to must be an RFC 9293 state
      {"t":1,"ev":"state","host":"A","conn":"1.2.3.4:1>*","from":"LISTEN","to":"LISTEN","cause":"c"} | to the same state
      {"t":1,"ev":"state","host":"A","conn":"1.2.3.4:1>*","from":"CLOSED","to":"LISTEN"} | state event without "cause"
      {"t":1,"ev":"listen","host":"B","conn":"1.2.3.4:1>1.2.3.4:2","what":"x","syn_queue":0,"accept_queue":0} | conn must be a listening socket
      {"t":1,"ev":"listen","host":"B","conn":"1.2.3.4:1>*","what":"x","syn_queue":-1,"accept_queue":0} | syn_queue must be an integer >= 0
      {"t":1,"ev":"drop","where":"B","reason":"Out Of Window","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":[],"seq":0,"len":0,"wnd":0}} | reason must be a kebab-case word
      {"t":1,"ev":"timer","host":"A","conn":"1.2.3.4:1>1.2.3.4:2","timer":"rto","detail":null} | detail must be a non-empty string
      {"t":1,"ev":"send","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":[],"seq":0,"len":0,"wnd":0},"injected":false} | injected must be true when present
      {"t":1,"ev":"send","host":"A"}                                            | send event without "seg"
      {"t":1,"ev":"recv","host":"A","seg":[]}                                   | seg must be an object
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":["ACK"],"seq":0,"len":0,"wnd":0}} | (ack because ACK is set)
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":["SYN"],"seq":0,"ack":0,"len":0,"wnd":0}} | (no ack: ACK is not set)
      {"t":1,"ev":"recv","host":"A","seg":{"dst":"1.2.3.4:2","src":"1.2.3.4:1","flags":[],"seq":0,"len":0,"wnd":0}} | seg must have exactly the keys
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":[],"seq":0,"len":0,"wnd":0,"x":1}} | seg must have exactly the keys
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":["ACK","SYN"],"seq":0,"ack":0,"len":0,"wnd":0}} | not in the order
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":["SYN","SYN"],"seq":0,"len":0,"wnd":0}} | or repeated
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":["syn"],"seq":0,"len":0,"wnd":0}} | seg.flags has "syn"
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":"SYN","seq":0,"len":0,"wnd":0}} | seg.flags must be an array
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4","dst":"1.2.3.4:2","flags":[],"seq":0,"len":0,"wnd":0}} | seg.src must be an endpoint
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":[],"seq":4294967296,"len":0,"wnd":0}} | seg.seq must be an integer 0..4294967295
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":[],"seq":-1,"len":0,"wnd":0}} | seg.seq must be an integer
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":["ACK"],"seq":0,"ack":1.0,"len":0,"wnd":0}} | seg.ack must be an integer
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":[],"seq":0,"len":0,"wnd":65536}} | seg.wnd must be an integer 0..65535
      {"t":1,"ev":"recv","host":"A","seg":{"src":"1.2.3.4:1","dst":"1.2.3.4:2","flags":[],"seq":0,"len":-3,"wnd":0}} | seg.len must be an integer
      """)
  void flagsEachWayToBreakTheContract(String line, String problem) {
    assertThat(JsonlSchemaCheck.violations(List.of(line)))
        .as("violations of %s", line)
        .anyMatch(p -> p.startsWith("line 1: ") && p.contains(problem));
  }

  @Test
  void timeMustNotGoBackwards() {
    String later = VALID.get(4);
    String earlier = VALID.get(2);
    assertThat(JsonlSchemaCheck.violations(List.of(later, earlier)))
        .containsExactly("line 2: t 5 is before the previous line's 6");
  }

  @Test
  void assertValidListsTheProblems() {
    assertThatThrownBy(() -> JsonlSchemaCheck.assertValid(List.of(VALID.get(0), "{}")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("line 2: must begin with \"t\" then \"ev\"");
  }
}
