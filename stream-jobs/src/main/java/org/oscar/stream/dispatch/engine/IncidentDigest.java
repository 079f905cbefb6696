package org.oscar.stream.dispatch.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.oscar.contract.wire.Role;
import org.oscar.stream.dispatch.model.IncidentState;

/**
 * What the engine asks about all of a region's incidents on nearly every event — which wait for a
 * unit of a role, and when the next deadline falls — without loading every incident from state each
 * time (the profile of the end-to-end benchmark had the dispatch operator spending most of its time
 * doing that for each unit position). Derived from the incidents, never checkpointed: built from
 * the book after a start or restore, and kept in step by the book on every write.
 */
public final class IncidentDigest {
  private final ToLongFunction<IncidentState> deadlineOf;
  private final Map<String, Entry> entries = new HashMap<>();

  /** Ids of the incidents waiting for each role: asked on every report of a free unit. */
  private final Map<Role, Set<String>> waiting = new EnumMap<>(Role.class);

  private long nextDeadline = Long.MAX_VALUE;
  private boolean nextDeadlineKnown = true;

  /** One incident as the digest knows it: its pending roles (active only) and its deadline. */
  private record Entry(Set<Role> pendingRoles, long deadline) {}

  IncidentDigest(ToLongFunction<IncidentState> deadlineOf) {
    this.deadlineOf = deadlineOf;
  }

  void put(IncidentState incident) {
    Set<Role> pending =
        incident.isActive() && !incident.pendingRoles.isEmpty()
            ? EnumSet.copyOf(incident.pendingRoles)
            : Set.of();
    for (Role role : Role.values()) {
      if (pending.contains(role)) {
        waiting.computeIfAbsent(role, r -> new HashSet<>()).add(incident.incidentId);
      } else {
        Set<String> ids = waiting.get(role);
        if (ids != null) {
          ids.remove(incident.incidentId);
        }
      }
    }
    long deadline = deadlineOf.applyAsLong(incident);
    Entry old = entries.put(incident.incidentId, new Entry(pending, deadline));
    if (old != null && old.deadline == nextDeadline && deadline > old.deadline) {
      nextDeadlineKnown = false;
    } else if (nextDeadlineKnown) {
      nextDeadline = Math.min(nextDeadline, deadline);
    }
  }

  void remove(String incidentId) {
    Entry old = entries.remove(incidentId);
    if (old != null) {
      old.pendingRoles.forEach(role -> waiting.get(role).remove(incidentId));
    }
    if (old != null && old.deadline == nextDeadline) {
      nextDeadlineKnown = false;
    }
  }

  /** Ids of the incidents stored with the role pending (a read-only view; copy to keep it). */
  Set<String> waitingFor(Role role) {
    Set<String> ids = waiting.get(role);
    return ids == null ? Set.of() : Collections.unmodifiableSet(ids);
  }

  /** The earliest deadline of the stored incidents; Long.MAX_VALUE if none. */
  long nextDeadline() {
    if (!nextDeadlineKnown) {
      long next = Long.MAX_VALUE;
      for (Entry e : entries.values()) {
        next = Math.min(next, e.deadline);
      }
      nextDeadline = next;
      nextDeadlineKnown = true;
    }
    return nextDeadline;
  }
}
