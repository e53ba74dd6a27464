package org.tcpsim.scenario.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.LossModel;
import org.tcpsim.core.net.Prefix;
import org.tcpsim.core.net.QueueLimit;
import org.tcpsim.scenario.model.Action;
import org.tcpsim.scenario.model.App;
import org.tcpsim.scenario.model.Attack;
import org.tcpsim.scenario.model.Close;
import org.tcpsim.scenario.model.Expectation;
import org.tcpsim.scenario.model.Inject;
import org.tcpsim.scenario.model.LadderLine;
import org.tcpsim.scenario.model.LinkSpec;
import org.tcpsim.scenario.model.Loc;
import org.tcpsim.tcp.Profile;
import org.tcpsim.scenario.model.Rule;
import org.tcpsim.scenario.model.Scenario;
import org.tcpsim.scenario.model.TcpOverrides;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpSettings;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.TcpState;

class ScenarioLoaderTest {
  static String resource(String name) throws IOException {
    try (InputStream in = ScenarioLoaderTest.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Scenario load(String name, String... sets) throws Exception {
    return ScenarioLoader.parse(resource(name), name, List.of(sets));
  }

  static final String TWO_HOSTS = """
      name: t
      hosts:
        A: { address: 10.0.0.1 }
        B: { address: 10.0.0.2 }
      links:
        - { between: [A, B], delay: 1ms }
      """;

  static Scenario parse(String text, String... sets) throws ScenarioException {
    return ScenarioLoader.parse(text, "t.yaml", List.of(sets));
  }

  @Nested
  class TheDesignExample {
    @Test
    void loadsVerbatim() throws Exception {
      Scenario s = load("valid/design-example.yaml");

      assertThat(s.name()).isEqualTo("old-duplicate-syn");
      assertThat(s.description()).contains("RFC 793 Figure 9");
      assertThat(s.seed()).isEqualTo(1);
      assertThat(s.until()).isEqualTo(Time.seconds(30));
      assertThat(s.profile()).isEqualTo(Profile.RFC5961);
      assertThat(s.tcp().get("mss")).contains("536");
      assertThat(s.tcp().get("window")).contains("1000");
      assertThat(s.hosts()).containsOnlyKeys("A", "B", "R");
      assertThat(s.hosts().get("B").tcp().get("iss")).contains("300");
      assertThat(s.tcpFor("B").get("backlog")).contains("16");
      assertThat(s.tcpFor("B").get("syn-cookies")).contains("false");
      assertThat(s.tcpFor("B").get("mss")).as("global settings reach every host").contains("536");
      assertThat(s.hosts().get("R").router()).isTrue();
      assertThat(s.hosts().get("R").address()).isEmpty();
      assertThat(s.links()).hasSize(2);
      assertThat(s.links().get(1).ab().loss()).isEqualTo(new LossModel.GilbertElliott(0.01, 0.3));
      assertThat(s.apps()).hasSize(2);
      assertThat(s.actions()).extracting(Action::call).containsExactly(Action.Call.CLOSE,
          Action.Call.SEND, Action.Call.CRASH, Action.Call.RESTART);
      assertThat(s.inject()).singleElement().satisfies(i -> assertThat(i.via()).isEqualTo("A"));
      assertThat(s.rules()).extracting(Rule::verdict).containsExactly(Rule.Verdict.DELAY,
          Rule.Verdict.DROP);
      assertThat(s.expect()).hasSize(2);
      assertThat(s.sweep()).isPresent();
    }

    @Test
    void theUndeclaredAttackerMBecomesAnImplicitNode() throws Exception {
      Attack.SynFlood f = (Attack.SynFlood) load("valid/design-example.yaml").attacks().get(0);
      assertThat(f.from()).isEqualTo("M");
      assertThat(f.implicitFrom()).isTrue();
      assertThat(f.spoof()).contains(Prefix.parse("198.51.100.0/24"));
      assertThat(f.rate()).isEqualTo(1000.0);
      assertThat(f.start()).isEqualTo(Time.seconds(1));
      assertThat(f.stop()).isEqualTo(Time.seconds(6));
      assertThat(f.target().display()).isEqualTo("B:80");
    }

    @Test
    void everyElementKnowsWhereItWasWritten() throws Exception {
      Scenario s = load("valid/design-example.yaml");
      String f = "valid/design-example.yaml";
      assertThat(s.hosts().get("B").loc()).isEqualTo(new Loc(f, 10, 3));
      assertThat(s.links().get(0).loc()).isEqualTo(new Loc(f, 14, 5));
      assertThat(s.apps().get(1).loc()).isEqualTo(new Loc(f, 19, 5));
      assertThat(s.actions().get(2).loc()).isEqualTo(new Loc(f, 24, 5));
      assertThat(s.expect().get(1).loc()).isEqualTo(new Loc(f, 41, 5));
      assertThat(s.tcpFor("B").locOf("backlog")).contains(new Loc(f, 10, 53));
    }
  }

  @Nested
  class EveryKey {
    final Scenario s;

    EveryKey() throws Exception {
      s = load("valid/every-key.yaml");
    }

    @Test
    void topLevel() {
      assertThat(s.description()).contains("Every key of the scenario format.\n");
      assertThat(s.seed()).isEqualTo(42);
      assertThat(s.until()).isEqualTo(Time.MINUTE);
      assertThat(s.profile()).isEqualTo(Profile.RFC9293);
    }

    @Test
    void everyTcpSettingIsReadWithUnitsResolved() {
      TcpOverrides t = s.tcp();
      assertThat(t.values().keySet())
          .containsExactlyElementsOf(TcpSettings.names());
      assertThat(t.get("mss")).contains("1460");
      assertThat(t.get("window")).contains("64000");
      assertThat(t.get("msl")).contains(Time.seconds(30) + "ns");
      assertThat(t.get("iss")).contains("none");
      assertThat(t.get("isn")).contains("rfc6528");
      assertThat(t.get("syn-cookies")).contains("true");
      assertThat(t.get("congestion")).contains("newreno");
      org.tcpsim.tcp.TcpConfig c = t.applyTo(Profile.RFC9293.config());
      assertThat(c.window()).isEqualTo(64_000);
      assertThat(c.delayedAckTimeout()).isEqualTo(Time.ms(40));
      assertThat(c.r2Syn()).isEqualTo(3 * Time.MINUTE);
      assertThat(c.keepaliveProbes()).isEqualTo(9);
    }

    @Test
    void hostsOverrideTheGlobalSettingsAndProfile() {
      assertThat(s.profileFor("A")).isEqualTo(Profile.LINUX);
      assertThat(s.profileFor("B")).isEqualTo(Profile.RFC9293);
      assertThat(s.tcpFor("A").get("iss")).contains("100");
      assertThat(s.tcpFor("A").get("delayed-ack")).contains("false");
      assertThat(s.tcpFor("A").get("mss")).contains("1460");
      assertThat(s.tcpFor("B").get("keepalive")).contains("true");
      assertThat(s.tcpFor("A").applyTo(Profile.LINUX.config()).iss()).isEqualTo(100);
      assertThat(s.hosts().get("A").address()).hasValue(Ipv4.parse("10.0.0.1"));
      assertThat(s.hosts().keySet()).containsExactly("A", "B", "C", "M", "R");
    }

    @Test
    void linkKeysApplyToBothDirectionsAndDirectionMapsOverrideOne() {
      LinkSpec l = s.links().get(0);
      assertThat(l.name()).isEqualTo("A-R");
      ChannelConfig both = new ChannelConfig(10_000_000, Time.ms(5), Time.us(500),
          QueueLimit.bytes(64_000), new LossModel.Bernoulli(0.01), 0.001, 0.01, Time.ms(2),
          0.0001);
      assertThat(l.ab()).isEqualTo(both.withRate(1_000_000));
      assertThat(l.ba()).isEqualTo(
          both.withLoss(new LossModel.GilbertElliott(0.01, 0.3, 0, 0.9)));
      assertThat(s.links().get(1).ab().queue()).isEqualTo(QueueLimit.packets(100));
      assertThat(s.links().get(1).ab().rateBps()).isEqualTo(1_000_000_000L);
      assertThat(s.links().get(2).ab()).isEqualTo(ChannelConfig.DEFAULT);
    }

    @Test
    void apps() {
      assertThat(s.apps().get(0)).isInstanceOfSatisfying(App.Listen.class, l -> {
        assertThat(l.behaviour()).isEqualTo(App.Behaviour.SINK);
        assertThat(l.close()).isEqualTo(Close.ON_PEER_CLOSE);
      });
      assertThat(s.apps().get(1)).isInstanceOfSatisfying(App.Listen.class, l -> {
        assertThat(l.behaviour()).isEqualTo(App.Behaviour.ECHO);
        assertThat(l.close()).isEqualTo(Close.NEVER);
      });
      assertThat(s.apps().get(2)).isInstanceOfSatisfying(App.Listen.class, l -> {
        assertThat(l.at().display()).isEqualTo("B:8080");
        assertThat(l.behaviour()).isEqualTo(App.Behaviour.SERVE);
        assertThat(l.send()).isEqualTo(1 << 20);
        assertThat(l.close()).isEqualTo(Close.AFTER_SEND);
      });
      assertThat(s.apps().get(3)).isInstanceOfSatisfying(App.Listen.class,
          l -> assertThat(l.close()).isEqualTo(Close.after(Time.seconds(5))));
      assertThat(s.apps().get(4)).isInstanceOfSatisfying(App.Connect.class, c -> {
        assertThat(c.target().toString()).isEqualTo("10.0.0.2:80");
        assertThat(c.from()).isEqualTo("A");
        assertThat(c.at()).isEqualTo(Time.ms(10));
        assertThat(c.port()).hasValue(1024);
        assertThat(c.iss()).hasValue(100);
        assertThat(c.send()).isEqualTo(10_000);
        assertThat(c.close()).isEqualTo(Close.AFTER_SEND);
        assertThat(c.count()).isEqualTo(1);
      });
      assertThat(s.apps().get(5)).isInstanceOfSatisfying(App.Connect.class, c -> {
        assertThat(c.count()).isEqualTo(5);
        assertThat(c.every()).hasValue(Time.ms(100));
        assertThat(c.close()).isEqualTo(Close.ON_PEER_CLOSE);
      });
      assertThat(s.apps().get(6)).isInstanceOfSatisfying(App.Connect.class, c -> {
        assertThat(c.rate()).hasValue(10.0);
        assertThat(c.port()).isEmpty();
        assertThat(c.close()).isEqualTo(Close.after(Time.seconds(30)));
      });
    }

    @Test
    void actions() {
      assertThat(s.actions()).extracting(Action::call).containsExactly(Action.Call.values());
      Action send = s.actions().get(1);
      assertThat(send.conn().orElseThrow().toString()).isEqualTo("10.0.0.1:1025>10.0.0.2:80");
      assertThat(send.size()).hasValue(1000);
      assertThat(s.actions().get(4).conn()).isEmpty();
    }

    @Test
    void injectedSegments() {
      Inject spoofed = s.inject().get(1);
      assertThat(spoofed.from().host()).isEmpty();
      assertThat(spoofed.from().toString()).isEqualTo("192.0.2.1:5555");
      assertThat(spoofed.to().host()).contains("B");
      assertThat(spoofed.flags()).isEqualTo(TcpFlags.RST | TcpFlags.ACK);
      assertThat(spoofed.seq()).isEqualTo(16);
      assertThat(spoofed.ack()).isEqualTo(0xFFFF_FFFFL);
      assertThat(spoofed.window()).isZero();
      assertThat(spoofed.len()).isEqualTo(10);
      assertThat(spoofed.via()).isEqualTo("R");
      assertThat(s.inject().get(0).window()).isEqualTo(65_535);
    }

    @Test
    void rules() {
      Rule.Match m = s.rules().get(1).match();
      assertThat(m.from().orElseThrow().port()).hasValue(1024);
      assertThat(m.has()).isEqualTo(TcpFlags.ACK);
      assertThat(m.flags()).isEmpty();
      assertThat(m.nth()).hasValue(2);
      assertThat(m.after()).hasValue(Time.ms(1500));
      assertThat(m.before()).hasValue(Time.seconds(2));
      assertThat(s.rules().get(0).match().flags()).hasValue(TcpFlags.SYN);
      assertThat(s.rules().get(0).delay()).isEqualTo(Time.seconds(3));
      assertThat(s.rules()).extracting(Rule::verdict).containsExactly(Rule.Verdict.DELAY,
          Rule.Verdict.DROP, Rule.Verdict.DUPLICATE, Rule.Verdict.CORRUPT);
      assertThat(s.rules().get(2).match().to().orElseThrow().host()).contains("B");
    }

    @Test
    void attacks() {
      Attack.SynFlood second = (Attack.SynFlood) s.attacks().get(1);
      assertThat(second.implicitFrom()).isFalse();
      assertThat(second.rate()).isEqualTo(1.0);
      assertThat(second.start()).isZero();
      assertThat(second.stop()).isEqualTo(Scenario.FOREVER);
      assertThat(second.spoof()).isEmpty();
    }

    @Test
    void expectations() throws IOException {
      List<Expectation> e = s.expect();
      assertThat(e.get(0).check()).isEqualTo(new Expectation.StateIs(TcpState.ESTABLISHED));
      assertThat(e.get(0).at()).hasValue(Time.SECOND);
      assertThat(e.get(1).conn().orElseThrow().isListener()).isTrue();
      assertThat(e.get(1).conn().orElseThrow().toString()).isEqualTo("10.0.0.2:80>*");
      assertThat(e.get(1).host()).as("the host of the conn").contains("B");
      assertThat(e.subList(2, 9)).extracting(x -> ((Expectation.CounterCompare) x.check()).op())
          .containsExactly(Expectation.Comparison.GT, Expectation.Comparison.EQ,
              Expectation.Comparison.EQ, Expectation.Comparison.NE, Expectation.Comparison.GE,
              Expectation.Comparison.LT, Expectation.Comparison.LE);
      assertThat(e.get(2).check())
          .isEqualTo(new Expectation.CounterCompare("listen.syn-dropped",
              Expectation.Comparison.GT, 0));
      assertThat(e.get(9).check()).isEqualTo(new Expectation.SignalGot(TcpSignal.CONNECTION_RESET));
      assertThat(e.get(10).check()).isEqualTo(new Expectation.DeliveredBytes(10_000));
      List<LadderLine> ladder = ((Expectation.LadderIs) e.get(11).check()).lines();
      assertThat(ladder).hasSize(3);
      assertThat(ladder.get(1).from()).isEqualTo("B");
      assertThat(ladder.get(1).flags()).isEqualTo(TcpFlags.SYN | TcpFlags.ACK);
      assertThat(ladder.get(1).seq()).hasValue(300);
      assertThat(ladder.get(1).ack()).hasValue(101);
      assertThat(ladder.get(1).len()).isEmpty();
      assertThat(ladder.get(2).len()).hasValue(10);
      assertThat(ladder.get(2).window()).hasValue(1000);
      // The line's own place in the file, found by its text, so that keys added above it (a new
      // TCP setting, say) do not move what this test expects.
      assertThat(ladder.get(2).loc())
          .isEqualTo(new Loc("valid/every-key.yaml", lineOf("- A > B ACK seq=101 ack=301 len=10"), 9));
    }

    private int lineOf(String text) throws IOException {
      List<String> lines = Files.readAllLines(Path.of("src/test/resources/valid/every-key.yaml"));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).strip().equals(text + " wnd=1000")) {
          return i + 1;
        }
      }
      throw new AssertionError("every-key.yaml has no line " + text);
    }

    @Test
    void sweepGridPointsAreSetAssignmentsThatLoad() throws Exception {
      assertThat(s.sweep().orElseThrow().replications()).isEqualTo(3);
      assertThat(s.sweep().orElseThrow().measure())
          .containsExactly("connections.established", "handshake.time.mean");
      List<List<String>> points = s.sweep().orElseThrow().points();
      assertThat(points).hasSize(8);
      assertThat(points.get(0)).containsExactly("hosts.B.tcp.backlog=16",
          "attacks.0.syn-flood.rate=100/s", "links.0.A>R={rate: 1Mbps}");
      assertThat(points.get(7)).containsExactly("hosts.B.tcp.backlog=128",
          "attacks.0.syn-flood.rate=1000/s", "links.0.A>R={rate: 10Mbps}");
      Scenario last = load("valid/every-key.yaml", points.get(7).toArray(String[]::new));
      assertThat(last.tcpFor("B").get("backlog")).contains("128");
      assertThat(((Attack.SynFlood) last.attacks().get(0)).rate()).isEqualTo(1000.0);
      assertThat(last.links().get(0).ab().rateBps()).isEqualTo(10_000_000);
    }

    @Test
    void recordsAreImmutable() {
      assertThatThrownBy(() -> s.links().clear()).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> s.hosts().clear()).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> s.tcp().values().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Defaults {
    @Test
    void whatIsNotWrittenHasItsDocumentedDefault() throws Exception {
      Scenario s = parse("name: minimal\n");
      assertThat(s.description()).isEmpty();
      assertThat(s.seed()).isEqualTo(Scenario.DEFAULT_SEED);
      assertThat(s.until()).isEqualTo(Scenario.FOREVER);
      assertThat(s.profile()).isEqualTo(Profile.RFC5961);
      assertThat(s.tcp().isEmpty()).isTrue();
      assertThat(s.hosts()).isEmpty();
      assertThat(s.sweep()).isEmpty();
    }

    @Test
    void aConnectDefaultsToNowNeverClosingOneClient() throws Exception {
      Scenario s = parse(TWO_HOSTS + "apps:\n  - { connect: B:80, from: A }\n");
      App.Connect c = (App.Connect) s.apps().get(0);
      assertThat(c.at()).isZero();
      assertThat(c.close()).isEqualTo(Close.NEVER);
      assertThat(c.count()).isEqualTo(1);
      assertThat(c.send()).isZero();
      assertThat(c.port()).isEqualTo(OptionalInt.empty());
      assertThat(c.iss()).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aBareZeroIsAZeroDurationAndUnitsMayBeSpaced() throws Exception {
      Scenario s = parse(TWO_HOSTS + "until: 10 s\napps:\n  - { connect: B:80, from: A, at: 0 }\n");
      assertThat(s.until()).isEqualTo(Time.seconds(10));
      assertThat(((App.Connect) s.apps().get(0)).at()).isZero();
    }

    @Test
    void aConnectToAnAddressOfNoHostIsAllowed() throws Exception {
      Scenario s = parse(TWO_HOSTS + "apps:\n  - { connect: \"192.0.2.9:80\", from: A }\n");
      assertThat(((App.Connect) s.apps().get(0)).target().host()).isEmpty();
    }
  }

  @Nested
  class SetOverrides {
    @Test
    void replaceAValueByItsPath() throws Exception {
      Scenario s = load("valid/design-example.yaml", "hosts.B.tcp.backlog=64", "links.0.loss=0.02",
          "until=10s", "attacks.0.syn-flood.rate=5/s");
      assertThat(s.tcpFor("B").get("backlog")).contains("64");
      assertThat(s.links().get(0).ab().loss()).isEqualTo(new LossModel.Bernoulli(0.02));
      assertThat(s.until()).isEqualTo(Time.seconds(10));
      assertThat(((Attack.SynFlood) s.attacks().get(0)).rate()).isEqualTo(5.0);
    }

    @Test
    void addAKeyAndTheMapsOnTheWayWhereTheShapeAllowsIt() throws Exception {
      Scenario s = load("valid/design-example.yaml", "hosts.A.tcp.nagle=false",
          "links.0.A>R.delay=7ms", "links.1.loss={gilbert-elliott: {p: 0.1, r: 0.5}}");
      assertThat(s.tcpFor("A").get("nagle")).contains("false");
      assertThat(s.links().get(0).ab().delay()).isEqualTo(Time.ms(7));
      assertThat(s.links().get(0).ba().delay()).isEqualTo(Time.ms(5));
      assertThat(s.links().get(1).ab().loss()).isEqualTo(new LossModel.GilbertElliott(0.1, 0.5));
    }

    @Test
    void aSetValueHasTheLocationOfItsSetInRecords() throws Exception {
      Scenario s = load("valid/design-example.yaml", "hosts.B.tcp.backlog=64");
      assertThat(s.tcpFor("B").locOf("backlog"))
          .contains(Loc.of("--set hosts.B.tcp.backlog"));
    }

    @Test
    void laterSetsWin() throws Exception {
      assertThat(parse(TWO_HOSTS, "seed=2", "seed=3").seed()).isEqualTo(3);
    }

    @Test
    void aSetCannotGoThroughAValue() {
      assertThatThrownBy(() -> parse(TWO_HOSTS, "links.0.delay.ms=3"))
          .hasMessage("--set links.0.delay.ms: links.0.delay.ms: 'links.0.delay' is a single "
              + "value, not a map or list, expected a path that ends at links.0.delay");
    }

    @Test
    void aSetThatAddsAHostIsBoundLikeAnyHost() {
      assertThatThrownBy(() -> parse(TWO_HOSTS, "hosts.C={router: true, addres: 1.2.3.4}"))
          .hasMessage("--set hosts.C: hosts.C.addres: unknown host key 'addres', expected one "
              + "of address, router, profile, tcp (did you mean 'address'?)");
    }

    @Test
    void aliasesAreCopiedSoASetChangesOnlyOnePlace() throws Exception {
      Scenario s = parse("""
          name: t
          tcp: &t { mss: 536 }
          hosts:
            A: { address: 10.0.0.1, tcp: *t }
            B: { address: 10.0.0.2 }
          links:
            - { between: [A, B], delay: 1ms }
          """, "tcp.mss=1000");
      assertThat(s.tcp().get("mss")).contains("1000");
      assertThat(s.hosts().get("A").tcp().get("mss")).contains("536");
    }
  }

  @Nested
  class Problems {
    @Test
    void independentProblemsAreAllReportedInFileOrder() {
      ScenarioException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> parse("""
          name: t
          seed: -1
          hosts:
            A: { address: 10.0.0.1 }
            B: { address: 10.0.0.1 }
          links:
            - { between: [A, C], delay: -1ms }
          apps:
            - { connect: C:80, from: A }
          """), ScenarioException.class);
      assertThat(e.errors()).extracting(ScenarioError::toString).containsExactly(
          "t.yaml:2:7: seed: -1 is too small, expected an integer >= 0",
          "t.yaml:5:17: hosts.B.address: 10.0.0.1 is already the address of host A (line 4), "
              + "expected a unique address",
          "t.yaml:7:20: links.0.between.1: unknown host 'C', expected one of A, B",
          "t.yaml:7:31: links.0.delay: '-1ms' is negative, expected a duration of 0 or more",
          "t.yaml:9:16: apps.0.connect: unknown host 'C', expected one of A, B");
    }

    @Test
    void aLinkBetweenHostsWithNoPathIsReportedForAConnect() {
      assertThatThrownBy(() -> parse("""
          name: t
          hosts:
            A: { address: 10.0.0.1 }
            B: { address: 10.0.0.2 }
            C: { address: 10.0.0.3 }
            D: { address: 10.0.0.4 }
          links:
            - { between: [A, B] }
            - { between: [C, D] }
          apps:
            - { connect: C:80, from: A }
          """)).hasMessage("t.yaml:11:5: connect: no path from A to C, expected links joining "
          + "them");
    }

    @Test
    void aSweepValueIsCheckedWhereItIsWritten() {
      assertThatThrownBy(() -> parse(TWO_HOSTS + """
          sweep:
            vary: { links.0.loss: [0.1, 1.5], until: [1s] }
          """)).hasMessage("t.yaml:8:31: links.0.loss: 1.5 is not a probability, expected a "
          + "probability from 0 to 1 (or a percentage such as 1%)");
    }
  }
}
