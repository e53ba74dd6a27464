package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Endpoint, ConnectionId and TcpOptions are map keys and compared values (demultiplexing, the
 * recorder, ladders): equal values must be equal with equal hash codes, and a difference in any
 * one component must make them unequal, including components added later.
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
  void endpointsAreEqualExactlyWhenAddressAndPortAre() throws Exception {
    check(A);
    check(new Endpoint(0xFFFFFFFF, 65534));
  }

  @Test
  void connectionIdsAreEqualExactlyWhenBothEndsAre() throws Exception {
    check(new ConnectionId(A, B));
    assertThat(ConnectionId.listening(B)).isEqualTo(ConnectionId.listening(B))
        .hasSameHashCodeAs(ConnectionId.listening(B))
        .isNotEqualTo(new ConnectionId(B, A));
  }

  @Test
  void tcpOptionsAreEqualExactlyWhenEveryOptionIs() throws Exception {
    check(new TcpOptions(1460, 7, true, List.of(new SackBlock(5, 9)), true, 0, 0));
    check(new TcpOptions(536, 0, false, List.of(), true, 0, 0));
    TcpOptions stamped = new TcpOptions(1460, 7, true, List.of(), true, 17, 23);
    assertThat(stamped).isNotEqualTo(stamped.withTimestamps(17, 24))
        .isEqualTo(stamped.withTimestamps(17, 23));
    assertThat(TcpOptions.NONE).isEqualTo(new TcpOptions(-1, -1, false, List.of(), false, 0, 0));
  }

  /**
   * A copy of {@code r} made from its components is equal to it with the same hash code; a copy
   * with any one component changed is not equal to it.
   */
  private static void check(Record r) throws Exception {
    RecordComponent[] components = r.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = components[i].getAccessor().invoke(r);
    }
    Constructor<?> canonical = r.getClass().getDeclaredConstructor(
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    assertThat(canonical.newInstance(values)).as("a copy of %s", r).isEqualTo(r)
        .hasSameHashCodeAs(r);
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
