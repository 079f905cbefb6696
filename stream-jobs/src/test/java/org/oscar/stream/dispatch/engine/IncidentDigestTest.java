package org.oscar.stream.dispatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oscar.contract.wire.Role;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.Phase;

class IncidentDigestTest {
  /** A stand-in deadline rule: the incident's nextRungAt. */
  private final IncidentDigest digest = new IncidentDigest(inc -> inc.nextRungAt);

  @Test
  void knowsWhichIncidentsWaitForARoleAsTheyAreStored() {
    digest.put(incident("A", Phase.OPEN, 10, Role.POLICE));
    digest.put(incident("B", Phase.OPEN, 20, Role.AMBULANCE));
    digest.put(incident("C", Phase.CANCELLED, 30, Role.POLICE)); // over: waits for nothing

    assertThat(digest.waitingFor(Role.POLICE)).containsExactly("A");
    digest.put(incident("A", Phase.OPEN, 10)); // police found
    assertThat(digest.waitingFor(Role.POLICE)).isEmpty();
    assertThat(digest.waitingFor(Role.AMBULANCE)).containsExactly("B");
    digest.remove("B");
    assertThat(digest.waitingFor(Role.AMBULANCE)).isEmpty();
  }

  @Test
  void nextDeadlineFollowsEveryWriteAndRemoval() {
    digest.put(incident("A", Phase.OPEN, 50));
    digest.put(incident("B", Phase.OPEN, 20));
    assertThat(digest.nextDeadline()).isEqualTo(20);
    digest.put(incident("B", Phase.OPEN, 70)); // the earliest moved later
    assertThat(digest.nextDeadline()).isEqualTo(50);
    digest.remove("A");
    assertThat(digest.nextDeadline()).isEqualTo(70);
    digest.remove("B");
    assertThat(digest.nextDeadline()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void agreesWithAFullScanOverRandomWrites() {
    Random random = new Random(42);
    Map<String, IncidentState> stored = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      String id = "INC-" + random.nextInt(50);
      if (random.nextInt(5) == 0) {
        stored.remove(id);
        digest.remove(id);
      } else {
        Phase phase = Phase.values()[random.nextInt(Phase.values().length)];
        List<Role> pending = new ArrayList<>();
        for (Role r : List.of(Role.POLICE, Role.AMBULANCE)) {
          if (random.nextBoolean()) {
            pending.add(r);
          }
        }
        IncidentState inc =
            incident(id, phase, random.nextInt(1_000), pending.toArray(Role[]::new));
        stored.put(id, inc);
        digest.put(inc);
      }
      long scan =
          stored.values().stream().mapToLong(i -> i.nextRungAt).min().orElse(Long.MAX_VALUE);
      assertThat(digest.nextDeadline()).isEqualTo(scan);
      for (Role r : List.of(Role.POLICE, Role.AMBULANCE)) {
        assertThat(digest.waitingFor(r))
            .containsExactlyInAnyOrderElementsOf(
                stored.values().stream()
                    .filter(i -> i.isActive() && i.pendingRoles.contains(r))
                    .map(i -> i.incidentId)
                    .toList());
      }
    }
  }

  private static IncidentState incident(String id, Phase phase, long deadline, Role... pending) {
    IncidentState inc = new IncidentState();
    inc.incidentId = id;
    inc.phase = phase;
    inc.nextRungAt = deadline;
    inc.pendingRoles.addAll(List.of(pending));
    return inc;
  }
}
