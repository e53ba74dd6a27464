package org.tcpsim.scenario.packetdrill;

import java.util.List;
import java.util.Optional;

/**
 * A system call and what it must return: {@code connect(3, ..., ...) = -1 EINPROGRESS
 * (Operation now in progress)}.
 *
 * @param args the arguments, as expressions ({@code ...} for "whatever the runner supplies")
 * @param result the expected return value ({@code -1}, {@code 0}, {@code 0x2})
 * @param errno the expected errno name after the result, if written
 * @param note the parenthesised text after the result, if written: the errno's description, or
 *     another note such as {@code (flags O_RDWR)}
 */
public record SyscallEvent(
    String name, List<Expr> args, long result, Optional<String> errno, Optional<String> note)
    implements Event.Action {
  public SyscallEvent {
    args = List.copyOf(args);
  }
}
