package org.oscar.alert.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oscar.alert.cases.TestUser.user;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oscar.alert.TestIncidents;
import org.oscar.alert.cases.CaseApiClient.Answer;
import org.oscar.alert.cases.model.UserRole;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.FacilityView;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.TimelineEntry;

/**
 * The case register on a real PostgreSQL, through the API as its users call it: one case per
 * incident, the OSC's services, consent and referrals, need-to-know, conflicts and retries.
 */
class CaseRegisterIT {
  private static CaseRegisterStack stack;
  private static CaseApiClient job;
  private static CaseApiClient admin;
  private static CaseApiClient worker;
  private static CaseApiClient legalAid;
  private static CaseApiClient capitalPolice;
  private static CaseApiClient otherPolice;
  private static CaseApiClient cuttackAdmin;
  private static CaseApiClient controlRoom;

  @BeforeAll
  static void start() throws Exception {
    stack =
        CaseRegisterStack.with(
                user("osc.admin").as(UserRole.OSC_ADMIN),
                user("osc.worker").as(UserRole.CASE_WORKER),
                user("dlsa.khordha").of("DLSA-KHORDHA"),
                user("police.capital").of("PS-CAPITAL"),
                user("police.saheed").of("PS-SAHEED-NAGAR"),
                user("osc.cuttack").in("Cuttack", "cuttack").as(UserRole.OSC_ADMIN),
                user("control.khordha"),
                user("sp.khordha").holding("SP:Khordha"),
                user("dm.khordha").holding("DM:Khordha"),
                user("cmo.khordha").holding("CMO:Khordha"))
            .agency("OSC-KHORDHA", "OSC", "Khordha", null)
            .agency("PS-CAPITAL", "POLICE_STATION", "Khordha", null)
            .agency("PS-SAHEED-NAGAR", "POLICE_STATION", "Khordha", null)
            .agency("HOSP-CAPITAL", "HOSPITAL", "Khordha", null)
            .agency("DLSA-KHORDHA", "DLSA", "Khordha", null)
            .agency("DLSA-CUTTACK", "DLSA", "Cuttack", null)
            .start();
    job = stack.job();
    admin = stack.login("osc.admin");
    worker = stack.login("osc.worker");
    legalAid = stack.login("dlsa.khordha");
    capitalPolice = stack.login("police.capital");
    otherPolice = stack.login("police.saheed");
    cuttackAdmin = stack.login("osc.cuttack");
    controlRoom = stack.login("control.khordha");
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void anEscalatedCaseIsReadByTheSpAndDmItReachedAndOnlyForThePartsTheyOversee() throws Exception {
    String escalated =
        job.post(
                "/api/v1/cases/intake",
                view(incident("INC-ESC-1", 7000L, 3, List.of("SHO", "OSC_ADMIN", "SP", "DM"))))
            .body()
            .getString("caseId");
    String quiet = pressCase("INC-ESC-2");
    admin.create(
        "/api/v1/cases/" + escalated + "/events",
        new JsonObject()
            .put("type", "FIR_REGISTERED")
            .put("data", new JsonObject().put("station", "Capital").put("firNumber", "77")));
    admin.create(
        "/api/v1/cases/" + escalated + "/events",
        new JsonObject()
            .put("type", "MLC_REGISTERED")
            .put("data", new JsonObject().put("hospital", "Capital").put("mlcNumber", "M-9")));
    CaseApiClient sp = stack.login("sp.khordha");
    CaseApiClient dm = stack.login("dm.khordha");
    CaseApiClient cmo = stack.login("cmo.khordha");

    JsonObject seenBySp = sp.get("/api/v1/cases/" + escalated).body();
    assertThat(seenBySp.getJsonArray("parts").getList())
        .containsExactlyInAnyOrder("CHILD", "POLICE");
    assertThat(types(seenBySp)).contains("FIR_REGISTERED").doesNotContain("MLC_REGISTERED");
    assertThat(seenBySp.fieldNames()).doesNotContain("incident", "consents", "notices");
    assertThat(dm.get("/api/v1/cases/" + escalated).body().getJsonArray("parts").getList())
        .contains("MEDICAL", "POLICE", "LEGAL");
    assertThat(cmo.get("/api/v1/cases/" + escalated).status())
        .as("not escalated to the CMO")
        .isEqualTo(403);
    assertThat(sp.get("/api/v1/cases/" + quiet).status()).as("never escalated").isEqualTo(403);
    assertThat(list(sp, "").stream().map(o -> ((JsonObject) o).getString("id")))
        .contains(escalated)
        .doesNotContain(quiet);
    assertThat(list(sp, "").getJsonObject(0).fieldNames())
        .doesNotContain("incidentId", "referredTo");
    assertThat(
            sp.post(
                    "/api/v1/cases/" + escalated + "/events",
                    new JsonObject().put("requestId", "sp-1").put("type", "FIR_STATUS"))
                .status())
        .as("an official reads, records nothing")
        .isEqualTo(403);
  }

  @Test
  void whoSheIsIsKeptOnlyOnHerConsentEncryptedSharedOnlyWhereNamedAndErasedWhenSheWithdrawsIt()
      throws Exception {
    String caseId = pressCase("INC-IDENTITY-1");
    String path = "/api/v1/cases/" + caseId + "/identity";
    JsonObject her =
        new JsonObject()
            .put("name", "Sunita Test-Name")
            .put("phone", "+91 98765 43210")
            .put("address", "Plot 7, Saheed Nagar");
    String shareOnly =
        admin
            .create(
                "/api/v1/cases/" + caseId + "/consents",
                new JsonObject()
                    .put("parts", new JsonArray().add("LEGAL"))
                    .put("recipients", new JsonArray().add("DLSA-KHORDHA")))
            .body()
            .getString("consentId");
    Answer withoutConsent = admin.put(path, her.copy().put("consentId", shareOnly));
    String consentId =
        admin
            .create(
                "/api/v1/cases/" + caseId + "/consents",
                new JsonObject()
                    .put("parts", new JsonArray().add("IDENTITY"))
                    .put("recipients", new JsonArray().add("PS-CAPITAL")))
            .body()
            .getString("consentId");
    Answer kept = admin.put(path, her.copy().put("consentId", consentId));
    String toPolice =
        admin
            .create(
                "/api/v1/cases/" + caseId + "/referrals",
                new JsonObject()
                    .put("agencyId", "PS-CAPITAL")
                    .put("shares", new JsonArray().add("IDENTITY")))
            .body()
            .getString("referralId");
    capitalPolice.post(
        "/api/v1/referrals/" + toPolice + "/accept", new JsonObject().put("version", 1));
    admin.create(
        "/api/v1/cases/" + caseId + "/referrals",
        new JsonObject()
            .put("agencyId", "DLSA-KHORDHA")
            .put("shares", new JsonArray().add("LEGAL")));

    Answer overridden =
        admin.create(
            "/api/v1/cases/" + caseId + "/referrals",
            new JsonObject()
                .put("agencyId", "HOSP-CAPITAL")
                .put("shares", new JsonArray().add("IDENTITY"))
                .put("overrideReason", "urgent"));
    assertThat(overridden.status()).as("never on an override").isEqualTo(400);
    assertThat(overridden.body().getString("field")).isEqualTo("shares");
    assertThat(withoutConsent.status()).isEqualTo(400);
    assertThat(withoutConsent.body().getString("field")).isEqualTo("consentId");
    assertThat(withoutConsent.body().encode()).doesNotContain("Sunita");
    assertThat(kept.status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/cases/" + caseId).body().getJsonObject("identity"))
        .isEqualTo(her);
    assertThat(capitalPolice.get("/api/v1/cases/" + caseId).body().getJsonObject("identity"))
        .as("shared with the station by her consent")
        .isEqualTo(her);
    assertThat(legalAid.get("/api/v1/cases/" + caseId).body().containsKey("identity"))
        .as("not shared with legal aid")
        .isFalse();
    assertThat(storedIdentity(caseId)).isNotNull();
    assertThat(new String(storedIdentity(caseId), java.nio.charset.StandardCharsets.ISO_8859_1))
        .as("ciphertext at rest")
        .doesNotContain("Sunita", "98765", "Saheed");

    Answer withdrawn =
        admin.post(
            "/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdraw", new JsonObject());

    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/cases/" + caseId).body().containsKey("identity")).isFalse();
    assertThat(capitalPolice.get("/api/v1/cases/" + caseId).body().containsKey("identity"))
        .isFalse();
    assertThat(storedIdentity(caseId)).as("erased, not just hidden").isNull();
    assertThat(
            admin.get("/api/v1/cases/" + caseId + "/audit").body().getJsonArray("audit").stream()
                .map(o -> ((JsonObject) o).getString("action")))
        .contains("IDENTITY RECORDED", "IDENTITY ERASED")
        .allSatisfy(a -> assertThat(a).doesNotContain("Sunita"));
  }

  private static byte[] storedIdentity(String caseId) throws Exception {
    try (var db = stack.database();
        var q =
            db.prepareStatement(
                "select s.identity_cipher from survivor s join survivor_case c on c.survivor_id"
                    + " = s.id where c.id = ?")) {
      q.setString(1, caseId);
      try (var rows = q.executeQuery()) {
        rows.next();
        return rows.getBytes(1);
      }
    }
  }

  @Test
  void anIncidentBecomesExactlyOneCaseHoweverOftenTheJobSendsIt() throws Exception {
    IncidentView older = incident("INC-ONCE-1", 1000L, 2);
    IncidentView newer = incident("INC-ONCE-1", 1000L, 4);

    String caseId = job.post("/api/v1/cases/intake", view(older)).body().getString("caseId");
    for (int i = 0; i < 3; i++) {
      assertThat(job.post("/api/v1/cases/intake", view(newer)).body().getString("caseId"))
          .isEqualTo(caseId);
    }
    Answer stale = job.post("/api/v1/cases/intake", view(older));

    assertThat(stale.body().getBoolean("updated")).isFalse();
    JsonObject c = admin.get("/api/v1/cases/" + caseId).body();
    assertThat(c.getString("state")).isEqualTo("RESCUE");
    assertThat(c.getString("origin")).isEqualTo("PANIC_PRESS");
    JsonObject incident = c.getJsonObject("incident");
    assertThat(incident.getJsonArray("timeline")).hasSize(4);
    assertThat(incident.containsKey("lat")).as("her position stays in live state").isFalse();
    assertThat(incident.containsKey("deviceId")).isFalse();
    long cases =
        list(admin, "").stream()
            .filter(o -> caseId.equals(((JsonObject) o).getString("id")))
            .count();
    assertThat(cases).isEqualTo(1);
  }

  @Test
  void aRestartedJobsIncidentWithAReusedIdOpensItsOwnCase() throws Exception {
    String first =
        job.post("/api/v1/cases/intake", view(incident("INC-REUSED-1", 1000L, 3)))
            .body()
            .getString("caseId");
    String second =
        job.post("/api/v1/cases/intake", view(incident("INC-REUSED-1", 99_000L, 1)))
            .body()
            .getString("caseId");

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void theOscRecordsTheMlcAndTheFirAndRefersHerToLegalAidWithHerConsent() throws Exception {
    String caseId = pressCase("INC-DEMO-FLOW-1");

    assertThat(
            admin
                .create(
                    "/api/v1/cases/" + caseId + "/events",
                    new JsonObject()
                        .put("type", "MLC_REGISTERED")
                        .put(
                            "data",
                            new JsonObject()
                                .put("hospital", "Capital Hospital")
                                .put("mlcNumber", "MLC-2026-118")))
                .status())
        .isEqualTo(201);
    assertThat(
            admin
                .create(
                    "/api/v1/cases/" + caseId + "/events",
                    new JsonObject()
                        .put("type", "FIR_REGISTERED")
                        .put(
                            "data",
                            new JsonObject()
                                .put("station", "Capital Police Station")
                                .put("firNumber", "FIR-311/2026")))
                .status())
        .isEqualTo(201);
    String consentId =
        admin
            .create(
                "/api/v1/cases/" + caseId + "/consents",
                new JsonObject()
                    .put("parts", new JsonArray().add("POLICE"))
                    .put("recipients", new JsonArray().add("DLSA-KHORDHA")))
            .body()
            .getString("consentId");
    Answer referred =
        admin.create(
            "/api/v1/cases/" + caseId + "/referrals",
            new JsonObject()
                .put("agencyId", "DLSA-KHORDHA")
                .put("shares", new JsonArray().add("POLICE")));
    assertThat(referred.status()).isEqualTo(201);
    String referralId = referred.body().getString("referralId");

    JsonArray inbox = legalAid.get("/api/v1/referrals").body().getJsonArray("referrals");
    assertThat(inbox.stream().map(o -> ((JsonObject) o).getString("id"))).contains(referralId);
    Answer accepted =
        legalAid.post(
            "/api/v1/referrals/" + referralId + "/accept", new JsonObject().put("version", 1));
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.body().getString("state")).isEqualTo("ACCEPTED");

    JsonObject seenByLegalAid = legalAid.get("/api/v1/cases/" + caseId).body();
    assertThat(seenByLegalAid.getJsonArray("parts").getList()).containsExactly("LEGAL", "POLICE");
    assertThat(types(seenByLegalAid)).contains("FIR_REGISTERED").doesNotContain("MLC_REGISTERED");
    assertThat(seenByLegalAid.containsKey("incident")).isFalse();
    assertThat(seenByLegalAid.containsKey("consents")).isFalse();

    JsonObject seenByOsc = admin.get("/api/v1/cases/" + caseId).body();
    assertThat(seenByOsc.getJsonObject("services").getJsonObject("MEDICAL").getString("mlcNumber"))
        .isEqualTo("MLC-2026-118");
    assertThat(seenByOsc.getJsonObject("services").getJsonObject("POLICE").getString("firNumber"))
        .isEqualTo("FIR-311/2026");
    assertThat(seenByOsc.getJsonArray("referrals").getJsonObject(0).getString("state"))
        .isEqualTo("ACCEPTED");
    assertThat(seenByOsc.getJsonArray("consents").getJsonObject(0).getString("id"))
        .isEqualTo(consentId);

    assertThat(otherPolice.get("/api/v1/cases/" + caseId).status()).isEqualTo(403);
    assertThat(capitalPolice.get("/api/v1/cases/" + caseId).status())
        .as("not referred to the Capital station either")
        .isEqualTo(403);
    JsonArray audit = admin.get("/api/v1/cases/" + caseId + "/audit").body().getJsonArray("audit");
    assertThat(
            audit.stream()
                .map(
                    o ->
                        ((JsonObject) o).getString("actor")
                            + " "
                            + ((JsonObject) o).getString("action")))
        .contains(
            "osc.admin RECORD MLC_REGISTERED",
            "osc.admin REFER",
            "dlsa.khordha REFERRAL ACCEPTED",
            "dlsa.khordha READ",
            "police.saheed READ DENIED");
  }

  @Test
  void aWithdrawnConsentTakesBackWhatItShared() throws Exception {
    String caseId = pressCase("INC-WITHDRAW-1");
    admin.create(
        "/api/v1/cases/" + caseId + "/events",
        new JsonObject()
            .put("type", "FIR_REGISTERED")
            .put("data", new JsonObject().put("station", "Capital").put("firNumber", "FIR-9")));
    String consentId =
        admin
            .create(
                "/api/v1/cases/" + caseId + "/consents",
                new JsonObject()
                    .put("parts", new JsonArray().add("POLICE"))
                    .put("recipients", new JsonArray().add("DLSA")))
            .body()
            .getString("consentId");
    admin.create(
        "/api/v1/cases/" + caseId + "/referrals",
        new JsonObject()
            .put("agencyId", "DLSA-KHORDHA")
            .put("shares", new JsonArray().add("POLICE")));
    assertThat(types(legalAid.get("/api/v1/cases/" + caseId).body())).contains("FIR_REGISTERED");

    admin.post(
        "/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdraw", new JsonObject());

    JsonObject after = legalAid.get("/api/v1/cases/" + caseId).body();
    assertThat(after.getJsonArray("parts").getList()).containsExactly("LEGAL");
    assertThat(types(after)).doesNotContain("FIR_REGISTERED");
  }

  @Test
  void aReferralWithoutHerConsentNeedsTheAdministratorsOverrideWithAReason() throws Exception {
    String caseId = pressCase("INC-OVERRIDE-1");
    JsonObject refer =
        new JsonObject()
            .put("agencyId", "PS-CAPITAL")
            .put("shares", new JsonArray().add("MEDICAL"));

    Answer noConsent = admin.create("/api/v1/cases/" + caseId + "/referrals", refer);
    Answer byWorker =
        worker.create(
            "/api/v1/cases/" + caseId + "/referrals",
            refer.copy().put("overrideReason", "she is unconscious; FIR cannot wait"));
    Answer byAdmin =
        admin.create(
            "/api/v1/cases/" + caseId + "/referrals",
            refer.copy().put("overrideReason", "she is unconscious; FIR cannot wait"));

    assertThat(noConsent.status()).isEqualTo(400);
    assertThat(noConsent.body().getString("field")).isEqualTo("shares");
    assertThat(byWorker.status()).isEqualTo(403);
    assertThat(byAdmin.status()).isEqualTo(201);
    assertThat(capitalPolice.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
    assertThat(metrics()).containsPattern("oscar_cases_consent_overrides_total [1-9]");
  }

  @Test
  void aSecondEditOnTheSameVersionGets409AndTheCaseAsItIsNow() throws Exception {
    String caseId = pressCase("INC-CONFLICT-1");
    JsonObject c = admin.get("/api/v1/cases/" + caseId).body();
    int version = c.getInteger("version");

    Answer first =
        admin.patch(
            "/api/v1/cases/" + caseId,
            new JsonObject().put("version", version).put("state", "MEDICAL_CARE"));
    Answer second =
        worker.patch(
            "/api/v1/cases/" + caseId,
            new JsonObject().put("version", version).put("type", "DOMESTIC_VIOLENCE"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body().getJsonObject("current").getString("state")).isEqualTo("MEDICAL_CARE");
    assertThat(second.body().getJsonObject("current").getInteger("version")).isEqualTo(version + 1);
    assertThat(admin.get("/api/v1/cases/" + caseId).body().getString("type")).isEqualTo("OTHER");
  }

  @Test
  void concurrentEditsOfOneVersionLeaveExactlyOneWinner() throws Exception {
    String caseId = pressCase("INC-RACE-1");
    int version = admin.get("/api/v1/cases/" + caseId).body().getInteger("version");
    List<Integer> statuses =
        IntStream.range(0, 8)
            .parallel()
            .mapToObj(
                i -> {
                  try {
                    return admin
                        .patch(
                            "/api/v1/cases/" + caseId,
                            new JsonObject()
                                .put("version", version)
                                .put("state", i % 2 == 0 ? "SHELTER" : "COUNSELLING"))
                        .status();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();

    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    JsonObject c = admin.get("/api/v1/cases/" + caseId).body();
    assertThat(c.getInteger("version")).isEqualTo(version + 1);
    assertThat(types(c).stream().filter("STATE_CHANGED"::equals)).hasSize(1);
  }

  @Test
  void aRetriedPostIsRecordedOnce() throws Exception {
    String caseId = pressCase("INC-RETRY-1");
    JsonObject event =
        new JsonObject()
            .put("type", "COUNSELLING_SESSION")
            .put("data", new JsonObject().put("counsellor", "OSC counsellor"))
            .put("requestId", "retry-0123456789");

    Answer first = admin.post("/api/v1/cases/" + caseId + "/events", event);
    Answer retry = admin.post("/api/v1/cases/" + caseId + "/events", event);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body().getString("eventId")).isEqualTo(first.body().getString("eventId"));
    assertThat(retry.body().getBoolean("recorded")).isFalse();
    assertThat(
            types(admin.get("/api/v1/cases/" + caseId).body()).stream()
                .filter("COUNSELLING_SESSION"::equals))
        .hasSize(1);
  }

  @Test
  void aValidationErrorIsA400ThatNamesTheFieldAndChangesNothing() throws Exception {
    String caseId = pressCase("INC-BAD-1");
    String path = "/api/v1/cases/" + caseId + "/events";

    Answer missing =
        admin.create(
            path,
            new JsonObject()
                .put("type", "MLC_REGISTERED")
                .put("data", new JsonObject().put("hospital", "Capital Hospital")));
    Answer unknownField =
        admin.create(
            path,
            new JsonObject()
                .put("type", "COUNSELLING_SESSION")
                .put("data", new JsonObject().put("counsellor", "A").put("name", "her name")));
    Answer future =
        admin.create(
            path,
            new JsonObject()
                .put("type", "EXAMINATION_STARTED")
                .put("happenedAt", "2099-01-01T00:00:00Z"));
    Answer badType = admin.create(path, new JsonObject().put("type", "SELFIE"));
    Answer noRequestId = admin.post(path, new JsonObject().put("type", "EXAMINATION_STARTED"));
    Answer badClose =
        admin.patch(
            "/api/v1/cases/" + caseId, new JsonObject().put("version", 1).put("state", "CLOSED"));
    Answer empty = admin.post(path, new JsonObject());

    assertThat(missing.body().getString("field")).isEqualTo("data.mlcNumber");
    assertThat(unknownField.body().getString("field")).isEqualTo("data.name");
    assertThat(future.body().getString("field")).isEqualTo("happenedAt");
    assertThat(badType.body().getString("field")).isEqualTo("type");
    assertThat(noRequestId.body().getString("field")).isEqualTo("requestId");
    assertThat(badClose.body().getString("field")).isEqualTo("closureReason");
    assertThat(empty.body().getString("field")).isEqualTo("type");
    assertThat(List.of(missing, unknownField, future, badType, noRequestId, badClose, empty))
        .extracting(Answer::status)
        .containsOnly(400);
    JsonObject c = admin.get("/api/v1/cases/" + caseId).body();
    assertThat(types(c)).as("only its opening").containsExactly("OPENED");
    assertThat(c.getInteger("version")).isEqualTo(1);
  }

  @Test
  void anUnknownCaseIs404AndAnUnknownAgencyIsNamed() throws Exception {
    String caseId = pressCase("INC-UNKNOWN-1");

    Answer noCase = admin.get("/api/v1/cases/CASE-999999999");
    Answer noAgency =
        admin.create(
            "/api/v1/cases/" + caseId + "/referrals",
            new JsonObject().put("agencyId", "PS-NOWHERE").put("shares", new JsonArray()));
    Answer otherDistrictAgency =
        admin.create(
            "/api/v1/cases/" + caseId + "/referrals",
            new JsonObject().put("agencyId", "DLSA-CUTTACK").put("shares", new JsonArray()));

    assertThat(noCase.status()).isEqualTo(404);
    assertThat(noAgency.status()).isEqualTo(400);
    assertThat(noAgency.body().getString("error")).contains("no agency PS-NOWHERE");
    assertThat(otherDistrictAgency.body().getString("field")).isEqualTo("agencyId");
  }

  @Test
  void noUserSeesAnotherDistrictsCaseAndControlRoomsSeeNoCase() throws Exception {
    String caseId = pressCase("INC-DISTRICT-1");

    assertThat(cuttackAdmin.get("/api/v1/cases/" + caseId).status()).isEqualTo(403);
    assertThat(list(cuttackAdmin, "").stream().map(o -> ((JsonObject) o).getString("id")))
        .doesNotContain(caseId);
    assertThat(controlRoom.get("/api/v1/cases/" + caseId).status()).isEqualTo(403);
    assertThat(controlRoom.get("/api/v1/cases").status()).isEqualTo(403);
  }

  @Test
  void theLiveMapWithHerPositionIsTheControlRoomsOnly() throws Exception {
    assertThat(controlRoom.get("/api/v1/incidents").status()).isEqualTo(200);
    for (CaseApiClient notControlRoom : List.of(legalAid, capitalPolice, admin, worker)) {
      assertThat(notControlRoom.get("/api/v1/incidents").status()).isEqualTo(403);
      assertThat(notControlRoom.get("/api/v1/units").status()).isEqualTo(403);
      // Nor the shelter's place, nor the pipeline's health and its dead letters.
      assertThat(notControlRoom.get("/api/v1/facilities").status()).isEqualTo(403);
      assertThat(notControlRoom.get("/api/v1/pipeline").status()).isEqualTo(403);
      assertThat(notControlRoom.post("/api/v1/incidents/INC-X-1/close", new JsonObject()).status())
          .isEqualTo(403);
      assertThat(notControlRoom.post("/api/v1/incidents/INC-X-1/take", new JsonObject()).status())
          .isEqualTo(403);
    }
  }

  @Test
  void aRequestIdReusedForAnotherRequestIsRefusedNotPassedOffAsDone() throws Exception {
    String first = pressCase("INC-REUSE-ID-1");
    String second = pressCase("INC-REUSE-ID-2");
    JsonObject event =
        new JsonObject().put("type", "EXAMINATION_STARTED").put("requestId", "reused-0123456789");

    assertThat(admin.post("/api/v1/cases/" + first + "/events", event).status()).isEqualTo(201);
    Answer onAnother = admin.post("/api/v1/cases/" + second + "/events", event);

    assertThat(onAnother.status()).isEqualTo(400);
    assertThat(onAnother.body().getString("field")).isEqualTo("requestId");
    assertThat(types(admin.get("/api/v1/cases/" + second).body()))
        .doesNotContain("EXAMINATION_STARTED");
  }

  @Test
  void anAgencysListTellsNothingOfTheRescueOrOtherReferrals() throws Exception {
    String caseId = pressCase("INC-AGENCY-LIST-1");
    admin.create(
        "/api/v1/cases/" + caseId + "/consents",
        new JsonObject()
            .put("parts", new JsonArray())
            .put("recipients", new JsonArray().add("DLSA-KHORDHA").add("PS-CAPITAL")));
    for (String agency : List.of("DLSA-KHORDHA", "PS-CAPITAL")) {
      admin.create(
          "/api/v1/cases/" + caseId + "/referrals",
          new JsonObject().put("agencyId", agency).put("shares", new JsonArray()));
    }

    JsonObject row =
        list(legalAid, "").stream()
            .map(o -> (JsonObject) o)
            .filter(o -> caseId.equals(o.getString("id")))
            .findFirst()
            .orElseThrow();

    assertThat(row.fieldNames()).doesNotContain("referredTo", "incidentId", "incidentState");
    assertThat(legalAid.get("/api/v1/cases?agency=PS-CAPITAL").status()).isEqualTo(400);
  }

  @Test
  void aWalkInIsOpenedAtTheOscAndAMinorStartsTheChildPath() throws Exception {
    Answer opened =
        worker.create(
            "/api/v1/cases",
            new JsonObject()
                .put("origin", "WALK_IN")
                .put("type", "CHILD_ABUSE")
                .put("survivor", new JsonObject().put("ageBand", "AGE_12_17")));
    Answer contradiction =
        worker.create(
            "/api/v1/cases",
            new JsonObject()
                .put("origin", "CALL_181")
                .put("survivor", new JsonObject().put("ageBand", "UNDER_12").put("minor", false)));

    assertThat(opened.status()).isEqualTo(201);
    JsonObject c = worker.get("/api/v1/cases/" + opened.body().getString("caseId")).body();
    assertThat(c.getString("state")).isEqualTo("REGISTERED");
    assertThat(c.getJsonObject("survivor").getBoolean("minor")).isTrue();
    assertThat(contradiction.body().getString("field")).isEqualTo("survivor.minor");
    assertThat(
            list(worker, "?type=CHILD_ABUSE&state=REGISTERED").stream()
                .map(o -> ((JsonObject) o).getString("id")))
        .contains(opened.body().getString("caseId"));
  }

  // --- helpers ---

  private static String pressCase(String incidentId) throws Exception {
    Answer a = job.post("/api/v1/cases/intake", view(incident(incidentId, 5000L, 2)));
    assertThat(a.status()).isEqualTo(200);
    return a.body().getString("caseId");
  }

  private static IncidentView incident(String id, long openedAt, int steps) {
    return incident(id, openedAt, steps, List.of());
  }

  private static IncidentView incident(
      String id, long openedAt, int steps, List<String> alertedRoles) {
    IncidentView v = TestIncidents.open(id, "Capital Police Station");
    List<TimelineEntry> timeline = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      timeline.add(
          new TimelineEntry(openedAt + i, i == 0 ? "OPENED" : "STEP_" + i, "system", "test"));
    }
    return new IncidentView(
        v.incidentId(),
        v.region(),
        v.district(),
        "SURV-" + id,
        "OPEN",
        v.lat(),
        v.lon(),
        true,
        false,
        v.jurisdiction(),
        null,
        new FacilityView("HOSP-CAPITAL", "HOSPITAL", "Capital Hospital", 20.26, 85.84),
        openedAt,
        List.of(),
        timeline,
        false,
        alertedRoles,
        null);
  }

  private static JsonObject view(IncidentView v) {
    return new JsonObject(Json.toString(v));
  }

  private static JsonArray list(CaseApiClient who, String query) throws Exception {
    return who.get("/api/v1/cases" + query).body().getJsonArray("cases");
  }

  private static List<String> types(JsonObject c) {
    return c.getJsonArray("events").stream()
        .map(o -> (JsonObject) o)
        .map(e -> e.getString("type"))
        .toList();
  }

  private static String metrics() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(stack.base() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
