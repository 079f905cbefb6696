package org.oscar.alert.cases.access;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.Consent;
import org.oscar.alert.cases.store.CaseEventRow;
import org.oscar.alert.cases.store.CaseFile;
import org.oscar.alert.cases.store.ClockRow;
import org.oscar.alert.cases.store.ConsentRow;
import org.oscar.alert.cases.store.ReferralRow;

/**
 * A case as one user may see it ({@link Visibility}): the summary always; the rescue's record,
 * consents and every referral for OSC staff; for an agency, its own referrals and the events of the
 * parts granted. Each part's services are folded from its events: the latest value of each field.
 */
public final class CaseViews {
  private CaseViews() {}

  /** What each referral grants, given the consents as they stand now. */
  public static List<ReferralGrant> grants(CaseFile f) {
    return f.referrals().stream()
        .map(
            r ->
                new ReferralGrant(
                    r.agencyId(),
                    r.state(),
                    r.shares(),
                    r.overrideReason() != null || consentStands(f, r.consentId())))
        .toList();
  }

  public static boolean consentStands(CaseFile f, String consentId) {
    return f.consents().stream()
        .map(ConsentRow::consent)
        .anyMatch(c -> c.id().equals(consentId) && !c.withdrawn());
  }

  public static JsonObject render(CaseFile f, Visibility v) {
    JsonObject out =
        new JsonObject()
            .put("id", f.id())
            .put("origin", f.origin().name())
            .put("type", f.type().name())
            .put("state", f.state().name())
            .put("closureReason", f.closureReason() == null ? null : f.closureReason().name())
            .put("district", f.district())
            .put("openedAt", f.openedAt().toString())
            .put("updatedAt", f.updatedAt().toString())
            .put("version", f.version())
            .put(
                "survivor",
                new JsonObject()
                    .put("id", f.survivorId())
                    .put("ageBand", f.ageBand().name())
                    .put("minor", f.minor()))
            .put("parts", new JsonArray(v.parts().stream().map(Enum::name).sorted().toList()));
    if (v.seesIncident() && f.incident() != null) {
      out.put("incident", f.incident());
    }
    JsonArray events = new JsonArray();
    Map<CasePart, JsonObject> services = new EnumMap<>(CasePart.class);
    for (CaseEventRow e : f.events()) {
      if (!sees(v, e)) {
        continue;
      }
      JsonObject shown = event(e);
      if (!v.osc() && "CLOCK".equals(e.part())) {
        // Who else a clock told is the OSC's to know, as the case's other referrals are.
        shown.put("data", e.data().copy()).getJsonObject("data").remove("told");
      }
      events.add(shown);
      CasePart part = partOf(e);
      if (part != null) {
        JsonObject s = services.computeIfAbsent(part, p -> new JsonObject());
        e.data().forEach(kv -> s.put(kv.getKey(), kv.getValue()));
        s.put("last", e.type()).put("lastAt", e.happenedAt().toString());
      }
    }
    JsonObject shelter = services.get(CasePart.SHELTER);
    if (shelter != null) {
      shelter.put("daysUsed", shelterDaysUsed(f.events(), Instant.now()));
    }
    JsonObject byPart = new JsonObject();
    services.forEach((p, s) -> byPart.put(p.name(), s));
    out.put("services", byPart).put("events", events);
    JsonArray referrals = new JsonArray();
    for (ReferralRow r : f.referrals()) {
      if (v.seesReferral(r.agencyId())) {
        referrals.add(referral(r));
      }
    }
    out.put("referrals", referrals);
    out.put("clocks", clocks(f, v, Instant.now()));
    if (v.osc()) {
      JsonArray consents = new JsonArray();
      for (ConsentRow c : f.consents()) {
        consents.add(consent(c));
      }
      out.put("consents", consents);
    }
    return out;
  }

  private static boolean sees(Visibility v, CaseEventRow e) {
    if (v.osc()) {
      return true;
    }
    CasePart part = partOf(e);
    if (part != null) {
      return v.parts().contains(part);
    }
    if ("REFERRAL".equals(e.part())) {
      return v.seesReferral(e.data().getString("agencyId", ""));
    }
    if ("CLOCK".equals(e.part())) {
      return seesPart(v, e.data().getString("part"));
    }
    return "CASE".equals(e.part());
  }

  private static boolean seesPart(Visibility v, String part) {
    for (CasePart p : CasePart.values()) {
      if (p.name().equals(part)) {
        return v.sees(p);
      }
    }
    return false;
  }

  /**
   * The legal clocks of the parts the user sees: each with its source in law, when it is due, and
   * for a running one the seconds left (negative: overdue by that much) at {@code now}.
   */
  static JsonArray clocks(CaseFile f, Visibility v, Instant now) {
    JsonArray out = new JsonArray();
    for (ClockRow k : f.clocks()) {
      if (!seesPart(v, k.part())) {
        continue;
      }
      JsonObject c =
          new JsonObject()
              .put("clock", k.clock())
              .put("title", k.title())
              .put("source", k.source())
              .put("part", k.part())
              .put("state", k.state())
              .put("startedAt", k.startedAt().toString())
              .put("dueAt", k.dueAt().toString())
              .put("breached", k.breached());
      if ("RUNNING".equals(k.state())) {
        c.put("secondsLeft", java.time.Duration.between(now, k.dueAt()).toSeconds());
      } else {
        c.put("endedAt", k.endedAt() == null ? null : k.endedAt().toString())
            .put("endedBy", k.endedBy());
      }
      out.add(c);
    }
    return out;
  }

  private static CasePart partOf(CaseEventRow e) {
    for (CasePart p : CasePart.values()) {
      if (p.name().equals(e.part())) {
        return p;
      }
    }
    return null;
  }

  /**
   * Days (or part days, rounded up) she has stayed at the OSC: every admission to its discharge,
   * the current stay to {@code now}. The OSC may keep her at most 5.
   */
  static long shelterDaysUsed(List<CaseEventRow> events, Instant now) {
    Duration used = Duration.ZERO;
    Instant admitted = null;
    for (CaseEventRow e : events) {
      if ("SHELTER_ADMITTED".equals(e.type()) && admitted == null) {
        admitted = e.happenedAt();
      } else if (("SHELTER_DISCHARGED".equals(e.type()) || "SHAKTI_SADAN_TRANSFER".equals(e.type()))
          && admitted != null) {
        used = used.plus(Duration.between(admitted, e.happenedAt()));
        admitted = null;
      }
    }
    if (admitted != null) {
      used = used.plus(Duration.between(admitted, now));
    }
    long seconds = Math.max(0, used.toSeconds());
    return (seconds + 86_399) / 86_400;
  }

  public static JsonObject referral(ReferralRow r) {
    return new JsonObject()
        .put("id", r.id())
        .put("caseId", r.caseId())
        .put("agencyId", r.agencyId())
        .put("service", r.service().name())
        .put("shares", new JsonArray(r.shares().stream().map(Enum::name).sorted().toList()))
        .put("state", r.state().name())
        .put("reason", r.reason())
        .put("consentId", r.consentId())
        .put("override", r.overrideReason() != null)
        .put("createdBy", r.createdBy())
        .put("createdAt", r.createdAt().toString())
        .put("updatedAt", r.updatedAt().toString())
        .put("version", r.version());
  }

  private static JsonObject event(CaseEventRow e) {
    return new JsonObject()
        .put("id", "EV-" + e.id())
        .put("part", e.part())
        .put("type", e.type())
        .put("data", e.data())
        .put("happenedAt", e.happenedAt().toString())
        .put("recordedAt", e.recordedAt().toString())
        .put("by", e.actor())
        .put("agency", e.actorAgency());
  }

  private static JsonObject consent(ConsentRow row) {
    Consent c = row.consent();
    return new JsonObject()
        .put("id", c.id())
        .put("parts", new JsonArray(c.parts().stream().map(Enum::name).sorted().toList()))
        .put("recipients", new JsonArray(c.recipients().stream().sorted().toList()))
        .put("givenAt", row.givenAt().toString())
        .put("recordedBy", row.recordedBy())
        .put("withdrawnAt", row.withdrawnAt() == null ? null : row.withdrawnAt().toString())
        .put("withdrawnBy", row.withdrawnBy());
  }
}
