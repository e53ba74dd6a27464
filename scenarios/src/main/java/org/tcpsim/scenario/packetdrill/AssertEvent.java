package org.tcpsim.scenario.packetdrill;

/**
 * An inline {@code %{ ... }%} block: in packetdrill, Python run with the socket's
 * {@code tcp_info} fields as variables ({@code assert tcpi_snd_cwnd == 10}). Kept as the text
 * between {@code %{} and {@code }%}; evaluating it is the runner's job.
 */
public record AssertEvent(String code) implements Event.Action {}
