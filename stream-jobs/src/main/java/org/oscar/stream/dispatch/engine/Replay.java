package org.oscar.stream.dispatch.engine;

/**
 * Feeds recorded events, in order, to a fresh engine over an empty book, then lets time run on to
 * {@code until} so every deadline the input set up is met. The engine is deterministic, so the same
 * recording always gives the same {@link DecisionLog}.
 */
public final class Replay {
  private Replay() {}

  public static DecisionLog run(
      Iterable<org.oscar.stream.event.DeviceEvent> events, RegionDispatcher engine, long until) {
    RegionBook book = new InMemoryRegionBook();
    DecisionLog log = new DecisionLog();
    for (var e : events) {
      engine.handle(e, book, log);
    }
    engine.advanceTo(until, book, log);
    return log;
  }
}
