package org.tcpsim.scenario.model;

import java.util.OptionalLong;

/**
 * A setting that is either switched off, switched on with the profile's time, or switched on
 * with a given time: {@code delayed-ack: false}, {@code delayed-ack: true}, {@code delayed-ack:
 * 200ms}.
 *
 * @param time nanoseconds, present only when a duration was written
 */
public record Toggle(boolean enabled, OptionalLong time) {
  public static final Toggle OFF = new Toggle(false, OptionalLong.empty());
  public static final Toggle ON = new Toggle(true, OptionalLong.empty());

  public static Toggle after(long ns) {
    return new Toggle(true, OptionalLong.of(ns));
  }
}
