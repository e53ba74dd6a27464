package org.tcpsim.scenario.packetdrill;

/** A backquoted shell line, {@code `../common/defaults.sh`}: the text between the backquotes. */
public record ShellEvent(String command) implements Event.Action {}
