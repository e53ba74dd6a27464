package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Endpoint, ConnectionId and TcpOptions write out equals and hashCode (the generated ones cost a
 * method-handle bootstrap each at start-up). These tests hold them to what the generated ones
 * would do, component by component, so a component added later cannot be left out unnoticed.
 */
class RecordEqualityTest {
  private static final Endpoint A = new Endpoint(0x0A000001, 1024);
  private static final Endpoint B = new Endpoint(0x0A000002, 80);

  /** For each component type, a value different from the one given. */
  private static final Map<Class<?>, UnaryOperator<Object>> OTHER = Map.of(
      int.class, v -> (Integer) v + 1,
      boolean.class, v -> !(Boolean) v,
      List.class, v -> ((List<?>) v).isEmpty() ? List.of(new SackBlock(1, 2)) : List.of(),
      Endpoint.class, v -> A.equals(v) ? B : A);

  @Test
  void endpointEqualsAndHashCodeAreTheGeneratedOnes() throws Exception {
    check(A);
    check(new Endpoint(0xFFFFFFFF, 65534));
  }

  @Test
  void connectionIdEqualsAndHashCodeAreTheGeneratedOnes() throws Exception {
    check(new ConnectionId(A, B));
    check(ConnectionId.listening(B));
    assertThat(ConnectionId.listening(B)).isNotEqualTo(new ConnectionId(B, A));
  }

  @Test
  void tcpOptionsEqualsAndHashCodeAreTheGeneratedOnes() throws Exception {
    check(new TcpOptions(1460, 7, true, List.of(new SackBlock(5, 9)), true, 0, 0));
    check(new TcpOptions(536, 0, false, List.of(), true, 0, 0));
    // Turning timestamps off needs zero values, so non-zero ones are checked for the hash only.
    checkHash(new TcpOptions(1460, 7, true, List.of(), true, 17, 23));
    assertThat(TcpOptions.NONE).isEqualTo(new TcpOptions(-1, -1, false, List.of(), false, 0, 0));
  }

  private static void checkHash(Record r) throws Exception {
    int expected = 0;
    for (Object value : values(r)) {
      expected = 31 * expected + Objects.hashCode(value);
    }
    assertThat(r.hashCode()).as("hashCode of %s", r).isEqualTo(expected);
  }

  private static Object[] values(Record r) throws Exception {
    RecordComponent[] components = r.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = components[i].getAccessor().invoke(r);
    }
    return values;
  }

  /**
   * The generated hashCode folds the components in order as h = 31 * h + hash(c); the generated
   * equals holds exactly when every component is equal.
   */
  private static void check(Record r) throws Exception {
    checkHash(r);
    RecordComponent[] components = r.getClass().getRecordComponents();
    Object[] values = values(r);

    Constructor<?> canonical = r.getClass().getDeclaredConstructor(
        java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    assertThat(canonical.newInstance(values)).as("a copy of %s", r).isEqualTo(r);
    for (int i = 0; i < components.length; i++) {
      Object[] changed = values.clone();
      UnaryOperator<Object> other = OTHER.get(components[i].getType());
      assertThat(other).as("a different value for %s", components[i].getType()).isNotNull();
      changed[i] = other.apply(values[i]);
      Object variant = canonical.newInstance(changed);
      assertThat(variant).as("%s differs only in %s", r, components[i].getName()).isNotEqualTo(r);
    }
  }
}
