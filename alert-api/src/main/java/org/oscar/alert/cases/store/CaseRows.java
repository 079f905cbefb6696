package org.oscar.alert.cases.store;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.AgencyKind;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.Consent;
import org.oscar.alert.cases.model.ReferralState;

/** Rows of the case register to records, and back to SQL values. */
final class CaseRows {
  private CaseRows() {}

  static Instant instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime sql(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  static String[] sql(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().toArray(String[]::new);
  }

  static Set<CasePart> parts(String[] names) {
    Set<CasePart> s = EnumSet.noneOf(CasePart.class);
    if (names != null) {
      for (String n : names) {
        s.add(CasePart.valueOf(n));
      }
    }
    return s;
  }

  static Agency agency(Row r) {
    return new Agency(
        r.getString("id"),
        AgencyKind.valueOf(r.getString("kind")),
        r.getString("district"),
        r.getString("name"),
        r.getString("post"));
  }

  static CaseEventRow event(Row r) {
    Object data = r.getValue("data");
    return new CaseEventRow(
        r.getLong("id"),
        r.getString("part"),
        r.getString("type"),
        data instanceof JsonObject j ? j : new JsonObject(),
        instant(r, "happened_at"),
        instant(r, "recorded_at"),
        r.getString("actor"),
        r.getString("actor_agency"));
  }

  static ReferralRow referral(Row r) {
    return new ReferralRow(
        r.getString("id"),
        r.getString("case_id"),
        r.getString("agency_id"),
        CasePart.valueOf(r.getString("service")),
        parts(r.getArrayOfStrings("shares")),
        ReferralState.valueOf(r.getString("state")),
        r.getString("reason"),
        r.getString("consent_id"),
        r.getString("override_reason"),
        r.getString("created_by"),
        instant(r, "created_at"),
        instant(r, "updated_at"),
        r.getInteger("version"));
  }

  static ConsentRow consent(Row r) {
    Instant withdrawnAt = instant(r, "withdrawn_at");
    String[] recipients = r.getArrayOfStrings("recipients");
    return new ConsentRow(
        new Consent(
            r.getString("id"),
            parts(r.getArrayOfStrings("parts")),
            recipients == null ? Set.of() : Arrays.stream(recipients).collect(Collectors.toSet()),
            withdrawnAt != null),
        instant(r, "given_at"),
        r.getString("recorded_by"),
        instant(r, "recorded_at"),
        withdrawnAt,
        r.getString("withdrawn_by"));
  }
}
