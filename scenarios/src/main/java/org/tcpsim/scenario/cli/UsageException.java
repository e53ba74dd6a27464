package org.tcpsim.scenario.cli;

/**
 * A command line that does not fit its command: an unknown option, a missing or bad value, too
 * few or too many parameters. Exit status 2, the message and a pointer to {@code --help}; never
 * a stack trace.
 */
final class UsageException extends Exception {
  private final String command;

  UsageException(String command, String message) {
    super(message);
    this.command = command;
  }

  /** The command whose {@code --help} explains the fix: e.g. {@code run}, or "" for tcpsim. */
  String command() {
    return command;
  }
}
