package org.oscar.alert.privacy;

import java.time.Duration;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.TimelineEntry;

/**
 * How long a survivor's location is kept once her case is over: {@code keep} after the case ended
 * (its last timeline entry), then her position is purged from live state. Open cases are never
 * purged. Pure.
 */
public record Retention(Duration keep) {
  public boolean due(IncidentView incident, long now) {
    if (!"CLOSED".equals(incident.state()) && !"CANCELLED".equals(incident.state())) {
      return false;
    }
    return now - endedAt(incident) >= keep.toMillis();
  }

  static long endedAt(IncidentView incident) {
    long last = incident.openedAt();
    for (TimelineEntry t : incident.timeline()) {
      last = Math.max(last, t.at());
    }
    return last;
  }
}
