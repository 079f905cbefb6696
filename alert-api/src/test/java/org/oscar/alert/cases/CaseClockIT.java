package org.oscar.alert.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.oscar.alert.cases.TestUser.user;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oscar.alert.cases.CaseApiClient.Answer;
import org.oscar.alert.cases.model.UserRole;
import org.oscar.testkit.SmsGatewayServer;
import org.oscar.testkit.SmsGatewayServer.Sms;

/**
 * The legal clocks fire with no input at all, through the alert path, exactly once each, on a real
 * PostgreSQL with the API killed between two steps. The policy is Odisha's medical-examination
 * clock with its 24 hours cut to 6 seconds ({@code clocks/fast.json}, a test file).
 */
class CaseClockIT {
  private static final String HOSPITAL_PHONE = "+910000000401";
  private static final String CMO_PHONE = "+910000000402";
  private static final String DM_PHONE = "+910000000403";
  private static final String OSC_PHONE = "+910000000404";

  private static SmsGatewayServer gateway;
  private static CaseRegisterStack stack;
  private static CaseApiClient admin;

  @BeforeAll
  static void start() throws Exception {
    gateway = CaseRegisterStack.smsGateway();
    stack =
        CaseRegisterStack.with(
                user("osc.admin").as(UserRole.OSC_ADMIN).at("OSC-KHORDHA"),
                user("cmo.khordha").holding("CMO:Khordha"),
                user("dm.khordha").holding("DM:Khordha"),
                user("state.odisha").in("Odisha", "odisha").holding("STATE:Odisha"))
            .agency("OSC-KHORDHA", "OSC", "Khordha", "OSC_ADMIN:OSC-KHORDHA")
            .agency("HOSP-CAPITAL", "HOSPITAL", "Khordha", "NODAL_DOCTOR:HOSP-CAPITAL")
            .sms(
                gateway,
                Map.of(
                    "NODAL_DOCTOR:HOSP-CAPITAL", HOSPITAL_PHONE,
                    "CMO:Khordha", CMO_PHONE,
                    "DM:Khordha", DM_PHONE,
                    "OSC_ADMIN:OSC-KHORDHA", OSC_PHONE))
            .env("OSCAR_CLOCK_POLICY_FILE", resource("clocks/fast.json"))
            .env("OSCAR_CLOCK_POLL_MS", "500")
            .start();
    admin = stack.login("osc.admin");
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void theMedicalClockRemindsTheHospitalThenEscalatesToTheCmoAndTheDmOnceEachWithNoInput()
      throws Exception {
    String caseId = rapeCaseReferredToTheHospital();

    Answer fir = admin.create("/api/v1/cases/" + caseId + "/events", fir());
    await().atMost(Duration.ofSeconds(30)).until(() -> clockSms(DM_PHONE, caseId).size() == 1);
    Thread.sleep(1_500); // a repeat, if one were coming, would have come by now

    assertThat(fir.status()).isEqualTo(201);
    assertThat(clockSms(HOSPITAL_PHONE, caseId))
        .extracting(Sms::message)
        .satisfiesExactly(
            reminder -> assertThat(reminder).contains("reminder: medical examination"),
            overdue -> assertThat(overdue).contains("OVERDUE: medical examination"));
    assertThat(clockSms(CMO_PHONE, caseId))
        .singleElement()
        .satisfies(s -> assertThat(s.message()).contains("escalated to you"));
    assertThat(clockSms(DM_PHONE, caseId)).hasSize(1);
    JsonObject c = admin.get("/api/v1/cases/" + caseId).body();
    assertThat(types(c))
        .containsSubsequence(
            "CLOCK_STARTED",
            "CLOCK_REMINDER",
            "CLOCK_OVERDUE",
            "CLOCK_ESCALATION",
            "CLOCK_ESCALATION");
    JsonObject clock = c.getJsonArray("clocks").getJsonObject(0);
    assertThat(clock.getString("clock")).isEqualTo("MEDICAL_EXAMINATION");
    assertThat(clock.getString("source")).isEqualTo("BNSS 2023 s.184(1)");
    assertThat(clock.getBoolean("breached")).isTrue();
    assertThat(clock.getLong("secondsLeft")).isNegative();
    assertThat(stack.login("cmo.khordha").get("/api/v1/cases/" + caseId).status())
        .as("the CMO it reached may read the case")
        .isEqualTo(200);
    assertThat(list("/api/v1/cases?overdue=true")).contains(caseId);
    assertThat(
            admin.get("/api/v1/clocks").body().getJsonArray("clocks").stream()
                .map(o -> ((JsonObject) o).getString("caseId")))
        .contains(caseId);

    Answer examined =
        admin.create(
            "/api/v1/cases/" + caseId + "/events",
            new JsonObject().put("type", "EXAMINATION_STARTED"));

    assertThat(examined.status()).isEqualTo(201);
    JsonObject met = admin.get("/api/v1/cases/" + caseId).body();
    assertThat(met.getJsonArray("clocks").getJsonObject(0).getString("state")).isEqualTo("MET");
    assertThat(types(met)).contains("CLOCK_MET");
    assertThat(list("/api/v1/cases?overdue=true")).doesNotContain(caseId);
  }

  @Test
  void anExaminationRecordedAsBeforeTheFirIsRefusedAndChangesNothing() throws Exception {
    String caseId = rapeCaseReferredToTheHospital();
    Instant firAt = Instant.now().minusSeconds(60);
    admin.create("/api/v1/cases/" + caseId + "/events", fir().put("happenedAt", firAt.toString()));
    int before = admin.get("/api/v1/cases/" + caseId).body().getJsonArray("events").size();

    Answer early =
        admin.create(
            "/api/v1/cases/" + caseId + "/events",
            new JsonObject()
                .put("type", "EXAMINATION_STARTED")
                .put("happenedAt", firAt.minusSeconds(600).toString()));

    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body().getString("field")).isEqualTo("happenedAt");
    JsonObject after = admin.get("/api/v1/cases/" + caseId).body();
    assertThat(after.getJsonArray("events").size()).isGreaterThanOrEqualTo(before);
    assertThat(types(after)).doesNotContain("EXAMINATION_STARTED", "CLOCK_MET");
  }

  @Test
  void aClockStepIsNotLostNorRepeatedWhenTheApiIsKilledBetweenSteps() throws Exception {
    String caseId = rapeCaseReferredToTheHospital();
    stack.stopApi();
    Process api = stack.startApiProcess();
    try {
      CaseApiClient adminThere = stack.login("osc.admin");
      adminThere.create("/api/v1/cases/" + caseId + "/events", fir());
      // Killed once the reminder is out, before the clock is due.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> clockSms(HOSPITAL_PHONE, caseId).size() == 1);
      Thread.sleep(100);
    } finally {
      api.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      Thread.sleep(6_000); // the overdue step falls due while no API runs
      stack.startApi();
    }

    eachStepWentOutOnce(caseId, "API killed", Duration.ofSeconds(40));
  }

  @Test
  void aChildsCaseStartsTheCwcClockAndAShelterAdmissionTheShelterClock() throws Exception {
    String child =
        admin
            .create(
                "/api/v1/cases",
                new JsonObject()
                    .put("origin", "WALK_IN")
                    .put("survivor", new JsonObject().put("ageBand", "AGE_12_17")))
            .body()
            .getString("caseId");
    String adult = rapeCaseReferredToTheHospital();
    JsonObject before = admin.get("/api/v1/cases/" + adult).body();
    Answer aged =
        admin.patch(
            "/api/v1/cases/" + adult,
            new JsonObject()
                .put("version", before.getInteger("version"))
                .put("survivor", new JsonObject().put("minor", true)));
    admin.create(
        "/api/v1/cases/" + adult + "/events",
        new JsonObject()
            .put("type", "SHELTER_ADMITTED")
            .put("data", new JsonObject().put("bed", "B-2")));

    assertThat(clocks(child)).containsExactly("CWC_PRODUCTION RUNNING");
    assertThat(aged.status()).isEqualTo(200);
    assertThat(clocks(adult)).contains("CWC_PRODUCTION RUNNING", "OSC_SHELTER RUNNING");

    Answer closed =
        admin.patch(
            "/api/v1/cases/" + child,
            new JsonObject()
                .put("version", admin.get("/api/v1/cases/" + child).body().getInteger("version"))
                .put("state", "CLOSED")
                .put("closureReason", "SERVICES_COMPLETED"));

    assertThat(closed.status()).as(closed.body().encode()).isEqualTo(200);
    assertThat(clocks(child)).as("closed with the case").containsExactly("CWC_PRODUCTION CLOSED");
  }

  @Test
  void theDistrictsMonthIsCountsOnlyForTheAdministratorAndTheDmWithSmallCountsSuppressed()
      throws Exception {
    for (int i = 0; i < 5; i++) {
      rapeCaseReferredToTheHospital();
    }
    String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Kolkata")).toString();
    String path = "/api/v1/reports/month?month=" + month;

    JsonObject report = admin.get(path).body();
    String csv = admin.text(path + "&format=csv");
    String svg = admin.text(path + "&format=svg");
    Answer byDm = stack.login("dm.khordha").get(path);
    Answer byCmo = stack.login("cmo.khordha").get(path);
    Answer future = admin.get("/api/v1/reports/month?month=2999-01");
    CaseApiClient stateOfficial = stack.login("state.odisha");
    JsonObject ofTheState = stateOfficial.get(path).body();

    assertThat(report.getJsonObject("opened").getValue("SEXUAL_ASSAULT"))
        .isInstanceOf(Number.class);
    assertThat(((Number) report.getJsonObject("opened").getValue("SEXUAL_ASSAULT")).intValue())
        .isGreaterThanOrEqualTo(5);
    assertThat(report.getJsonObject("opened").getValue("TRAFFICKING")).isEqualTo(0);
    assertThat(report.getJsonArray("referrals").encode()).contains("HOSPITAL");
    assertThat(report.encode() + csv + svg).doesNotContain("CASE-", "SV-", "HOSP-CAPITAL");
    assertThat(csv).startsWith("section,item,measure,value");
    assertThat(svg).startsWith("<svg").contains("Legal clocks started in " + month);
    assertThat(byDm.status()).isEqualTo(200);
    assertThat(byCmo.status()).as("not the CMO's").isEqualTo(403);
    assertThat(future.body().getString("field")).isEqualTo("month");
    assertThat(ofTheState.getString("district")).isEqualTo("Odisha (state)");
    assertThat(((Number) ofTheState.getJsonObject("opened").getValue("SEXUAL_ASSAULT")).intValue())
        .isGreaterThanOrEqualTo(
            ((Number) report.getJsonObject("opened").getValue("SEXUAL_ASSAULT")).intValue());
    assertThat(stateOfficial.get("/api/v1/cases").body().getJsonArray("cases"))
        .as("the state's official reads reports, no case")
        .isEmpty();
  }

  private static List<String> clocks(String caseId) throws Exception {
    return admin.get("/api/v1/cases/" + caseId).body().getJsonArray("clocks").stream()
        .map(o -> ((JsonObject) o).getString("clock") + " " + ((JsonObject) o).getString("state"))
        .toList();
  }

  @Test
  void aClockStepIsNotLostNorRepeatedWhenPostgresIsKilledBetweenSteps() throws Exception {
    String caseId = rapeCaseReferredToTheHospital();
    admin.create("/api/v1/cases/" + caseId + "/events", fir());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> clockSms(HOSPITAL_PHONE, caseId).size() == 1);

    stack.killDatabase(); // SIGKILL: the watcher's rounds fail while the overdue step falls due
    Thread.sleep(6_000);
    stack.startDatabase();

    eachStepWentOutOnce(caseId, "PostgreSQL killed", Duration.ofSeconds(60));
  }

  /**
   * After a failure between the reminder and the overdue step: every step of the medical clock went
   * out, each once — the hospital's reminder and overdue notice, the CMO's and the DM's escalations
   * — and each is once on the timeline.
   */
  private static void eachStepWentOutOnce(String caseId, String failure, Duration within)
      throws Exception {
    await().atMost(within).until(() -> clockSms(DM_PHONE, caseId).size() == 1);
    Thread.sleep(1_500); // a repeat, if one were coming, would have come by now
    System.out.printf(
        "%s between clock steps: hospital %d, CMO %d, DM %d SMS%n",
        failure,
        clockSms(HOSPITAL_PHONE, caseId).size(),
        clockSms(CMO_PHONE, caseId).size(),
        clockSms(DM_PHONE, caseId).size());
    assertThat(clockSms(HOSPITAL_PHONE, caseId)).hasSize(2);
    assertThat(clockSms(CMO_PHONE, caseId)).hasSize(1);
    assertThat(
            types(admin.get("/api/v1/cases/" + caseId).body()).stream()
                .filter(t -> t.startsWith("CLOCK_")))
        .containsExactly(
            "CLOCK_STARTED",
            "CLOCK_REMINDER",
            "CLOCK_OVERDUE",
            "CLOCK_ESCALATION",
            "CLOCK_ESCALATION");
  }

  private static String rapeCaseReferredToTheHospital() throws Exception {
    String caseId =
        admin
            .create(
                "/api/v1/cases",
                new JsonObject().put("origin", "WALK_IN").put("type", "SEXUAL_ASSAULT"))
            .body()
            .getString("caseId");
    admin.create(
        "/api/v1/cases/" + caseId + "/consents",
        new JsonObject()
            .put("parts", new JsonArray().add("MEDICAL"))
            .put("recipients", new JsonArray().add("HOSP-CAPITAL")));
    Answer referred =
        admin.create(
            "/api/v1/cases/" + caseId + "/referrals",
            new JsonObject().put("agencyId", "HOSP-CAPITAL").put("shares", new JsonArray()));
    assertThat(referred.status()).as(referred.body().encode()).isEqualTo(201);
    return caseId;
  }

  private static JsonObject fir() {
    return new JsonObject()
        .put("type", "FIR_REGISTERED")
        .put("data", new JsonObject().put("station", "Capital").put("firNumber", "12"));
  }

  private static List<Sms> clockSms(String phone, String caseId) {
    return gateway.delivered().stream()
        .filter(
            s ->
                s.to().equals(phone)
                    && s.message().contains("CASE " + caseId + ":")
                    && s.message().contains("medical examination"))
        .toList();
  }

  private static List<String> types(JsonObject c) {
    return c.getJsonArray("events").stream().map(o -> ((JsonObject) o).getString("type")).toList();
  }

  private static List<String> list(String path) throws Exception {
    return admin.get(path).body().getJsonArray("cases").stream()
        .map(o -> ((JsonObject) o).getString("id"))
        .toList();
  }

  private static String resource(String name) throws URISyntaxException {
    return Path.of(CaseClockIT.class.getClassLoader().getResource(name).toURI()).toString();
  }
}
