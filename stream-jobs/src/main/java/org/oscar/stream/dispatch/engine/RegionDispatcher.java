package org.oscar.stream.dispatch.engine;

import org.oscar.stream.dispatch.eta.TravelTimeEstimator;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.reference.DispatchArea;
import org.oscar.stream.event.DeviceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatch engine of one dispatch region (one region, or the districts of a state that share
 * their units): plain Java, no Flink. It is fed validated events and the passing of time, keeps its
 * state in a {@link RegionBook} and says what to do through {@link Effects}.
 *
 * <p>Deterministic: decisions depend only on the book, the event and the time given (the time the
 * pipeline received the message, or the timer's time), never on the wall clock or on iteration
 * order. Before an event at time t, every deadline up to t is handled first, so a replay of the
 * same input gives the same decisions whether the deadlines were met by timers or by later events.
 */
public final class RegionDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(RegionDispatcher.class);
  private long stuckDeadlines;
  private final PressRules presses;
  private final UnitRules units;
  private final SurvivorRules survivors;
  private final OperatorRules operators;
  private final DeadlineRules deadlines;

  public RegionDispatcher(DispatchArea area, TravelTimeEstimator travelTime) {
    IncidentOps ops = new IncidentOps(area, travelTime);
    this.presses = new PressRules(ops);
    this.units = new UnitRules(ops);
    this.survivors = new SurvivorRules(ops, presses);
    this.deadlines = new DeadlineRules(ops);
    this.operators = new OperatorRules(ops, presses);
  }

  public void handle(DeviceEvent e, RegionBook book, Effects out) {
    advanceTo(e.receivedAt(), book, out);
    book.digest(deadlines::deadline);
    Step s = new Step(book, out, e.receivedAt());
    switch (e.kind()) {
      case SOS -> presses.press(e, s);
      case DEVICE_POSITION -> survivors.position(e, s);
      case CANCEL -> survivors.cancel(e, s);
      case UNIT_POSITION -> units.position(e, s);
      case UNIT_STATUS -> units.status(e, s);
      case UNIT_ACK -> units.ack(e, s);
      case OPERATOR -> operators.command(e, s);
      case PRESENCE -> {
        if (e.deviceKind() == org.oscar.contract.wire.DeviceKind.PANIC) {
          survivors.presence(e, s);
        } else {
          units.presence(e, s);
        }
      }
    }
    s.finish();
  }

  /**
   * Meets every deadline up to {@code now}, each at its own time and in order (ack timeouts,
   * stalls, clean-up), exactly as timers firing on time would have.
   */
  public void advanceTo(long now, RegionBook book, Effects out) {
    long due = nextDeadline(book);
    while (due <= now) {
      Step s = new Step(book, out, due);
      for (IncidentState inc : s.incidents()) {
        if (deadlines.deadline(inc) <= due) {
          deadlines.advance(inc, s);
        }
      }
      s.finish();
      long after = nextDeadline(book);
      if (after <= due) {
        // A rule that does not consume its own deadline would spin here. Failing the job would stop
        // dispatch for the whole region in a restart loop; carry on and shout instead.
        LOG.error("dispatch deadline {} did not move on; deferring to the next event", due);
        stuckDeadlines++;
        return;
      }
      due = after;
    }
  }

  /** How often a deadline failed to move on (a bug if ever above zero; tests assert it is not). */
  public long stuckDeadlines() {
    return stuckDeadlines;
  }

  /** When the engine next needs to be woken if nothing arrives; Long.MAX_VALUE if never. */
  public long nextDeadline(RegionBook book) {
    return book.digest(deadlines::deadline).nextDeadline();
  }
}
