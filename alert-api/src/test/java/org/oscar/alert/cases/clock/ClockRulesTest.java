package org.oscar.alert.cases.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscar.alert.cases.CaseProblem;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.AgencyKind;
import org.oscar.alert.cases.model.CaseType;
import org.oscar.alert.cases.notice.NoticeRecipients.Recipient;

class ClockRulesTest {
  private static final ClockPolicy ODISHA = ClockPolicy.bundled();
  private static final Instant FIR = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void anFirOnARapeCaseStartsTheExaminationInvestigationAndProgressClocks() {
    ClockRules.Changes c = on(CaseType.SEXUAL_ASSAULT, "FIR_REGISTERED", null, FIR, List.of());

    assertThat(c.starts())
        .extracting(s -> s.clock().id())
        .containsExactlyInAnyOrder("MEDICAL_EXAMINATION", "INVESTIGATION", "VICTIM_INFORMED");
    assertThat(c.starts().get(0).startedAt()).isEqualTo(FIR);
  }

  @Test
  void anFirOnADomesticViolenceCaseStartsOnlyTheClocksOfEveryType() {
    assertThat(on(CaseType.DOMESTIC_VIOLENCE, "FIR_REGISTERED", null, FIR, List.of()).starts())
        .extracting(s -> s.clock().id())
        .containsExactly("VICTIM_INFORMED");
  }

  @Test
  void theExaminationMeetsItsClockAndItsEndStartsTheReportClock() {
    ClockRules.Running medical = new ClockRules.Running(7, "MEDICAL_EXAMINATION", FIR);

    ClockRules.Changes started =
        on(
            CaseType.SEXUAL_ASSAULT,
            "EXAMINATION_STARTED",
            null,
            FIR.plusSeconds(3600),
            List.of(medical));
    ClockRules.Changes ended =
        on(CaseType.SEXUAL_ASSAULT, "EXAMINATION_ENDED", null, FIR.plusSeconds(7200), List.of());

    assertThat(started.ends()).singleElement().satisfies(e -> assertThat(e.met()).isTrue());
    assertThat(ended.starts()).extracting(s -> s.clock().id()).containsExactly("MEDICAL_REPORT");
  }

  @Test
  void aChargeSheetMeetsTheInvestigationClockButAnUpdateUnderInvestigationDoesNot() {
    ClockRules.Running investigation = new ClockRules.Running(8, "INVESTIGATION", FIR);

    assertThat(
            on(
                    CaseType.SEXUAL_ASSAULT,
                    "FIR_STATUS",
                    new JsonObject().put("status", "UNDER_INVESTIGATION"),
                    FIR.plusSeconds(60),
                    List.of(investigation))
                .ends())
        .isEmpty();
    assertThat(
            on(
                    CaseType.SEXUAL_ASSAULT,
                    "FIR_STATUS",
                    new JsonObject().put("status", "CHARGESHEET_FILED"),
                    FIR.plusSeconds(60),
                    List.of(investigation))
                .ends())
        .singleElement()
        .satisfies(e -> assertThat(e.met()).isTrue());
  }

  @Test
  void herDeclinedExaminationClosesTheClockForAnotherReason() {
    ClockRules.Running medical = new ClockRules.Running(7, "MEDICAL_EXAMINATION", FIR);

    assertThat(
            on(
                    CaseType.SEXUAL_ASSAULT,
                    "EXAMINATION_DECLINED",
                    null,
                    FIR.plusSeconds(60),
                    List.of(medical))
                .ends())
        .singleElement()
        .satisfies(e -> assertThat(e.met()).isFalse());
  }

  @Test
  void anEventThatWouldEndAClockBeforeItStartedIsRefusedNamingItsTime() {
    ClockRules.Running medical = new ClockRules.Running(7, "MEDICAL_EXAMINATION", FIR);

    assertThatThrownBy(
            () ->
                on(
                    CaseType.SEXUAL_ASSAULT,
                    "EXAMINATION_STARTED",
                    null,
                    FIR.minusSeconds(60),
                    List.of(medical)))
        .isInstanceOfSatisfying(
            CaseProblem.class, p -> assertThat(p.field()).isEqualTo("happenedAt"));
  }

  @Test
  void aClockAlreadyMetOrRunningDoesNotStartAgain() {
    List<ClockRules.Past> examined =
        List.of(
            new ClockRules.Past("EXAMINATION_STARTED", new JsonObject(), FIR.minusSeconds(600)));
    ClockRules.Running running = new ClockRules.Running(9, "INVESTIGATION", FIR);

    ClockRules.Changes second =
        ClockRules.onEvent(
            ODISHA,
            CaseType.SEXUAL_ASSAULT,
            "FIR_REGISTERED",
            new JsonObject(),
            FIR.plusSeconds(60),
            List.of(running),
            examined);

    assertThat(second.starts()).extracting(s -> s.clock().id()).containsExactly("VICTIM_INFORMED");
  }

  @Test
  void aClocksPostsAreTheAgenciesOnTheCaseOrTheOscAndTheDistrictsOfficials() {
    Agency osc = new Agency("OSC-K", AgencyKind.OSC, "Khordha", "OSC", "OSC_ADMIN:OSC-K");
    Agency hospital =
        new Agency("HOSP-C", AgencyKind.HOSPITAL, "Khordha", "Capital", "NODAL:HOSP-C");

    Agency rescue = new Agency("HOSP-A", AgencyKind.HOSPITAL, "Khordha", "AIIMS", "NODAL:HOSP-A");
    assertThat(
            ClockPosts.resolve(
                List.of("HOSPITAL", "CMO"), "Khordha", List.of(hospital), rescue, List.of(osc)))
        .extracting(Recipient::post)
        .containsExactly("NODAL:HOSP-C", "CMO:Khordha");
    assertThat(ClockPosts.resolve(List.of("HOSPITAL"), "Khordha", List.of(), rescue, List.of(osc)))
        .as("no hospital referral: the hospital the rescue took her to")
        .extracting(Recipient::post)
        .containsExactly("NODAL:HOSP-A");
    assertThat(ClockPosts.resolve(List.of("HOSPITAL"), "Khordha", List.of(), null, List.of(osc)))
        .as("no hospital on the case yet: the OSC, its nodal point")
        .extracting(Recipient::post)
        .containsExactly("OSC_ADMIN:OSC-K");
    assertThat(ClockPosts.isOfficial("DM:Khordha")).isTrue();
    assertThat(ClockPosts.isOfficial("NODAL:HOSP-C")).isFalse();
  }

  @Test
  void
      herDeclinedExaminationBeforeTheFirKeepsTheClockFromStartingButAPastStayDoesNotBlockANewOne() {
    List<ClockRules.Past> declined =
        List.of(
            new ClockRules.Past("EXAMINATION_DECLINED", new JsonObject(), FIR.minusSeconds(60)));
    List<ClockRules.Past> earlierStay =
        List.of(
            new ClockRules.Past("SHELTER_ADMITTED", new JsonObject(), FIR.minusSeconds(9000)),
            new ClockRules.Past("SHELTER_DISCHARGED", new JsonObject(), FIR.minusSeconds(3000)));

    assertThat(
            ClockRules.onEvent(
                    ODISHA,
                    CaseType.SEXUAL_ASSAULT,
                    "FIR_REGISTERED",
                    new JsonObject(),
                    FIR,
                    List.of(),
                    declined)
                .starts())
        .extracting(s -> s.clock().id())
        .doesNotContain("MEDICAL_EXAMINATION");
    assertThat(
            ClockRules.onEvent(
                    ODISHA,
                    CaseType.OTHER,
                    "SHELTER_ADMITTED",
                    new JsonObject(),
                    FIR,
                    List.of(),
                    earlierStay)
                .starts())
        .extracting(s -> s.clock().id())
        .containsExactly("OSC_SHELTER");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("bundledClocks")
  void everyBundledClockStartsOnItsEventAndIsMetByItsSatisfyingEvent(String id) {
    ClockDefinition def = ODISHA.clock(id).orElseThrow();
    CaseType type = def.caseTypes().isEmpty() ? CaseType.OTHER : def.caseTypes().iterator().next();
    EventMatch starts = def.startsOn().get(0);
    EventMatch satisfies = def.satisfiedBy().get(0);

    ClockRules.Changes started = on(type, starts.type(), dataFor(starts), FIR, List.of());
    ClockRules.Changes met =
        on(
            type,
            satisfies.type(),
            dataFor(satisfies),
            FIR.plusSeconds(60),
            List.of(new ClockRules.Running(1, id, FIR)));

    assertThat(started.starts()).extracting(s -> s.clock().id()).contains(id);
    assertThat(met.ends())
        .filteredOn(e -> e.clock().clock().equals(id))
        .singleElement()
        .satisfies(e -> assertThat(e.met()).isTrue());
  }

  static List<String> bundledClocks() {
    return ODISHA.clocks().stream().map(ClockDefinition::id).toList();
  }

  private static JsonObject dataFor(EventMatch m) {
    return m.field() == null
        ? new JsonObject()
        : new JsonObject().put(m.field(), m.values().iterator().next());
  }

  private static ClockRules.Changes on(
      CaseType type, String event, JsonObject data, Instant at, List<ClockRules.Running> running) {
    return ClockRules.onEvent(
        ODISHA, type, event, data == null ? new JsonObject() : data, at, running, List.of());
  }
}
