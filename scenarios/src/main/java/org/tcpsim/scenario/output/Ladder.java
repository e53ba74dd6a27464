package org.tcpsim.scenario.output;

import java.util.List;

/**
 * The ladder of one connection, ready to lay out: the two peers' titles, their states on line 1,
 * and the lines after it.
 */
record Ladder(String titleA, String titleB, String initialA, String initialB, List<LadderRow> rows) {}
