package org.tcpsim.scenario.load;

/**
 * What every section binder holds (README, Scenario files, Top level: one binder a section): the
 * context shared by one bind, and its error collector, where each section reports.
 */
abstract class SectionBinder {
  protected final BindContext cx;
  protected final Errors errors;

  SectionBinder(BindContext cx) {
    this.cx = cx;
    this.errors = cx.errors;
  }
}
