package org.oscar.stream.dispatch.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oscar.contract.wire.Role;
import org.oscar.stream.dispatch.model.IncidentState;

/**
 * One call into the engine: the region's book, where effects go, the time it happens at, and the
 * incidents it loaded and changed. Within a step an incident is loaded once and the same object is
 * handed to every rule (a state backend may hand out a fresh copy per read, and two copies would
 * lose each other's changes); changed incidents are written back and published once, at the end.
 */
final class Step {
  final RegionBook book;
  final Effects out;
  final long now;
  private final Map<String, IncidentState> loaded = new LinkedHashMap<>();
  private final Set<String> changed = new LinkedHashSet<>();

  Step(RegionBook book, Effects out, long now) {
    this.book = book;
    this.out = out;
    this.now = now;
  }

  IncidentState incident(String incidentId) {
    if (incidentId == null) {
      return null;
    }
    IncidentState inc = loaded.get(incidentId);
    if (inc == null) {
      inc = book.incident(incidentId);
      if (inc != null) {
        loaded.put(incidentId, inc);
      }
    }
    return inc;
  }

  /** Every incident of the region, ordered by id so that iteration never decides anything. */
  List<IncidentState> incidents() {
    for (IncidentState stored : book.incidents()) {
      loaded.putIfAbsent(stored.incidentId, stored);
    }
    List<IncidentState> all = new ArrayList<>(loaded.values());
    all.sort(Comparator.comparing((IncidentState i) -> i.incidentId));
    return all;
  }

  /**
   * The incidents waiting for a unit of a role, oldest first (ties by id): those stored with it
   * pending (from the digest, without loading the others) and those this step loaded, as they are
   * now.
   */
  List<IncidentState> waitingFor(Role role) {
    Set<String> ids = new HashSet<>(book.digest().waitingFor(role));
    ids.addAll(loaded.keySet());
    List<IncidentState> waiting = new ArrayList<>();
    for (String id : ids) {
      IncidentState inc = incident(id);
      if (inc != null && inc.isActive() && inc.pendingRoles.contains(role)) {
        waiting.add(inc);
      }
    }
    waiting.sort(
        Comparator.comparingLong((IncidentState i) -> i.openedAt).thenComparing(i -> i.incidentId));
    return waiting;
  }

  void changed(IncidentState incident) {
    loaded.put(incident.incidentId, incident);
    changed.add(incident.incidentId);
  }

  void forget(IncidentState incident) {
    loaded.remove(incident.incidentId);
    changed.remove(incident.incidentId);
    book.removeIncident(incident.incidentId);
  }

  /** Writes back every changed incident and hands its new view to the effects, in change order. */
  void finish() {
    for (String id : changed) {
      IncidentState inc = loaded.get(id);
      book.putIncident(inc);
      out.incident(IncidentOps.view(inc), inc.isActive());
    }
    changed.clear();
  }
}
