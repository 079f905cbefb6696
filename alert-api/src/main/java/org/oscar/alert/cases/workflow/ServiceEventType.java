package org.oscar.alert.cases.workflow;

import static org.oscar.alert.cases.workflow.EventField.oneOf;
import static org.oscar.alert.cases.workflow.EventField.optional;
import static org.oscar.alert.cases.workflow.EventField.required;
import static org.oscar.alert.cases.workflow.FieldKind.DATE;
import static org.oscar.alert.cases.workflow.FieldKind.FLAG;
import static org.oscar.alert.cases.workflow.FieldKind.TEXT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oscar.alert.cases.CaseProblem;
import org.oscar.alert.cases.model.CasePart;

/**
 * What can be recorded on a case, by part, with the fields each event carries. Each event also has
 * when it happened ({@code happenedAt}) and, recorded by the server, who recorded it and when.
 */
public enum ServiceEventType {
  MLC_REGISTERED(CasePart.MEDICAL, required("hospital", TEXT), required("mlcNumber", TEXT)),
  EXAMINATION_STARTED(CasePart.MEDICAL),
  EXAMINATION_ENDED(CasePart.MEDICAL),
  MEDICAL_REPORT_SENT(CasePart.MEDICAL, required("sentTo", TEXT)),
  /** She declined the examination; her decision is recorded as her consent is. */
  EXAMINATION_DECLINED(CasePart.MEDICAL),
  ARRIVED_AT_HOSPITAL(CasePart.MEDICAL, required("hospital", TEXT)),
  TREATMENT_STARTED(CasePart.MEDICAL),

  FIR_REGISTERED(
      CasePart.POLICE,
      required("station", TEXT),
      required("firNumber", TEXT),
      optional("zeroFir", FLAG)),
  ZERO_FIR_TRANSFERRED(CasePart.POLICE, required("toStation", TEXT)),
  FIR_STATUS(
      CasePart.POLICE, oneOf("status", "UNDER_INVESTIGATION", "CHARGESHEET_FILED", "CLOSED")),
  E_FIR_RECEIVED(CasePart.POLICE, required("station", TEXT)),
  E_FIR_SIGNED(CasePart.POLICE),
  ARREST_MADE(CasePart.POLICE),
  PROGRESS_INFORMED(CasePart.POLICE),
  STATEMENT_RECORDED(
      CasePart.POLICE,
      oneOf("where", "OSC", "HOSPITAL", "POLICE_STATION", "HOME", "COURT"),
      required("byWomanOfficer", FLAG)),

  LAWYER_ASSIGNED(CasePart.LEGAL, required("lawyer", TEXT)),
  COURT_CASE_FILED(CasePart.LEGAL, required("court", TEXT), required("courtCaseNumber", TEXT)),
  HEARING_SCHEDULED(CasePart.LEGAL, required("nextHearingDate", DATE)),
  PROTECTION_ORDER(CasePart.LEGAL, oneOf("status", "APPLIED", "GRANTED", "REFUSED")),
  DV_APPLICATION_FILED(CasePart.LEGAL, required("court", TEXT)),
  HEARING_HELD(CasePart.LEGAL),
  DV_APPLICATION_DISPOSED(
      CasePart.LEGAL, oneOf("outcome", "ORDER_GRANTED", "REFUSED", "WITHDRAWN")),

  COUNSELLING_SESSION(CasePart.COUNSELLING, required("counsellor", TEXT)),

  SHELTER_ADMITTED(CasePart.SHELTER, required("bed", TEXT)),
  SHELTER_DISCHARGED(CasePart.SHELTER),
  SHAKTI_SADAN_TRANSFER(CasePart.SHELTER, required("home", TEXT)),

  PRODUCED_BEFORE_CWC(CasePart.CHILD, required("committee", TEXT));

  private final CasePart part;
  private final List<EventField> fields;

  ServiceEventType(CasePart part, EventField... fields) {
    this.part = part;
    this.fields = List.of(fields);
  }

  public CasePart part() {
    return part;
  }

  public List<EventField> fields() {
    return fields;
  }

  /**
   * The event's fields as they will be stored: each checked against its kind, required ones
   * present, unknown ones refused. A problem names the field ({@code data.<name>}).
   */
  public Map<String, Object> check(Map<String, Object> data) {
    Map<String, Object> given = data == null ? Map.of() : data;
    Set<String> known = new java.util.HashSet<>();
    Map<String, Object> checked = new LinkedHashMap<>();
    for (EventField f : fields) {
      known.add(f.name());
      Object v = given.get(f.name());
      if (v == null) {
        if (f.required()) {
          throw CaseProblem.invalid("data." + f.name(), "is required for " + name());
        }
        continue;
      }
      checked.put(f.name(), f.kind().check("data." + f.name(), v, f.choices()));
    }
    for (String k : given.keySet()) {
      if (!known.contains(k)) {
        throw CaseProblem.invalid("data." + k, "is not a field of " + name());
      }
    }
    return checked;
  }
}
