package org.oscar.alert.cases.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.oscar.alert.cases.model.AgeBand;
import org.oscar.alert.cases.model.CaseOrigin;
import org.oscar.alert.cases.model.CaseState;
import org.oscar.alert.cases.model.CaseType;
import org.oscar.alert.cases.model.ClosureReason;

/**
 * A case as stored, whole: who may see which of it is decided after ({@code CaseViews}). {@code
 * incident} is the rescue's record as the stream job last sent it (without her position or device);
 * {@code escalatedTo} the officials' posts it has been escalated to; {@code identity} who she is,
 * sealed, and the consent it is kept on (null if she has not given it).
 */
public record CaseFile(
    String id,
    CaseOrigin origin,
    String district,
    String region,
    CaseType type,
    CaseState state,
    ClosureReason closureReason,
    String survivorId,
    AgeBand ageBand,
    boolean minor,
    Instant openedAt,
    Instant updatedAt,
    int version,
    String incidentId,
    JsonObject incident,
    List<CaseEventRow> events,
    List<ReferralRow> referrals,
    List<ConsentRow> consents,
    List<String> escalatedTo,
    SealedIdentity identity,
    List<ClockRow> clocks) {
  public CaseFile {
    escalatedTo = escalatedTo == null ? List.of() : List.copyOf(escalatedTo);
    clocks = clocks == null ? List.of() : List.copyOf(clocks);
    events = List.copyOf(events);
    referrals = List.copyOf(referrals);
    consents = List.copyOf(consents);
  }
}
