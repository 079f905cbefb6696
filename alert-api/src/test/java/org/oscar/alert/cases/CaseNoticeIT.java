package org.oscar.alert.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.oscar.alert.cases.TestUser.user;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
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
 * Agencies are told of what concerns them on a case, at once, through the alert path's SMS gateway
 * (a real HTTP server started by the test), with receipts on the case: one message per post and
 * change, however the change is retried and however the API dies while sending.
 */
class CaseNoticeIT {
  private static final String OSC_PHONE = "+910000000301";
  private static final String POLICE_PHONE = "+910000000302";
  private static final String DLSA_PHONE = "+910000000303";
  private static final String HOSPITAL_PHONE = "+910000000304";

  private static SmsGatewayServer gateway;
  private static CaseRegisterStack stack;
  private static CaseApiClient admin;
  private static CaseApiClient legalAid;
  private static CaseApiClient police;

  @BeforeAll
  static void start() throws Exception {
    gateway = CaseRegisterStack.smsGateway();
    stack =
        CaseRegisterStack.with(
                user("osc.admin").as(UserRole.OSC_ADMIN).at("OSC-KHORDHA"),
                user("dlsa.khordha").of("DLSA-KHORDHA"),
                user("police.capital").of("PS-CAPITAL"))
            .agency("OSC-KHORDHA", "OSC", "Khordha", "OSC_ADMIN:OSC-KHORDHA")
            .agency("PS-CAPITAL", "POLICE_STATION", "Khordha", "SHO:Capital Police Station")
            .agency("DLSA-KHORDHA", "DLSA", "Khordha", "DLSA:Khordha")
            .agency("HOSP-CAPITAL", "HOSPITAL", "Khordha", "NODAL_DOCTOR:HOSP-CAPITAL")
            .agency("CWC-KHORDHA", "CWC", "Khordha", "CWC:Khordha")
            .sms(
                gateway,
                Map.of(
                    "OSC_ADMIN:OSC-KHORDHA", OSC_PHONE,
                    "SHO:Capital Police Station", POLICE_PHONE,
                    "DLSA:Khordha", DLSA_PHONE,
                    "NODAL_DOCTOR:HOSP-CAPITAL", HOSPITAL_PHONE,
                    "CWC:Khordha", "+910000000305"))
            .start();
    admin = stack.login("osc.admin");
    legalAid = stack.login("dlsa.khordha");
    police = stack.login("police.capital");
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
  void aReferralTellsItsAgencyOnceAndItsAnswerTellsTheOscWithReceiptsOnTheCase() throws Exception {
    String caseId = walkIn();
    consent(caseId, "LEGAL", "DLSA-KHORDHA");

    Answer referred = refer(caseId, "DLSA-KHORDHA", "LEGAL");
    String referralId = referred.body().getString("referralId");
    await().atMost(Duration.ofSeconds(20)).until(() -> smsTo(DLSA_PHONE, caseId).size() == 1);
    Answer stale =
        legalAid.post(
            "/api/v1/referrals/" + referralId + "/accept", new JsonObject().put("version", 7));
    Answer accepted =
        legalAid.post(
            "/api/v1/referrals/" + referralId + "/accept", new JsonObject().put("version", 1));
    await().atMost(Duration.ofSeconds(20)).until(() -> smsTo(OSC_PHONE, caseId).size() == 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> receipts(caseId).stream().filter("DELIVERED"::equals).count() == 2);
    Thread.sleep(1_500); // a second message, if one were coming, would have come by now

    assertThat(stale.status()).as("a refused step").isEqualTo(409);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(smsTo(DLSA_PHONE, caseId))
        .singleElement()
        .satisfies(
            sms ->
                assertThat(sms.message())
                    .contains(caseId, "referred to DLSA-KHORDHA", "/cases.html#/cases/" + caseId)
                    .doesNotContain("SV-", "LEGAL"));
    assertThat(smsTo(OSC_PHONE, caseId))
        .singleElement()
        .satisfies(sms -> assertThat(sms.message()).contains(referralId + " was accepted"));
    JsonArray notices = admin.get("/api/v1/cases/" + caseId).body().getJsonArray("notices");
    assertThat(notices).hasSize(2);
    JsonObject toDlsa = notices.getJsonObject(0);
    assertThat(toDlsa.getString("post")).isEqualTo("DLSA:Khordha");
    assertThat(statuses(toDlsa)).containsExactly("QUEUED", "SENT", "DELIVERED");
    assertThat(legalAid.get("/api/v1/cases/" + caseId).body().containsKey("notices"))
        .as("an agency does not see who else was told")
        .isFalse();
  }

  @Test
  void anFirTellsTheOscAndAgenciesSharingThePolicePartButNotWhoRecordedIt() throws Exception {
    String caseId = walkIn();
    consent(caseId, "POLICE", "DLSA-KHORDHA", "PS-CAPITAL", "HOSP-CAPITAL");
    String toPolice = refer(caseId, "PS-CAPITAL", null).body().getString("referralId");
    refer(caseId, "DLSA-KHORDHA", "POLICE");
    refer(caseId, "HOSP-CAPITAL", null);
    police.post("/api/v1/referrals/" + toPolice + "/accept", new JsonObject().put("version", 1));
    JsonObject fir =
        new JsonObject()
            .put("requestId", "fir-" + caseId)
            .put("type", "FIR_REGISTERED")
            .put(
                "data",
                new JsonObject().put("station", "Capital Police Station").put("firNumber", "311"));

    Answer first = police.post("/api/v1/cases/" + caseId + "/events", fir);
    Answer retried = police.post("/api/v1/cases/" + caseId + "/events", fir);
    await().atMost(Duration.ofSeconds(20)).until(() -> firSmsTo(OSC_PHONE, caseId).size() == 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> firSmsTo(DLSA_PHONE, caseId).size() == 1);
    Thread.sleep(1_500);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retried.status()).as("recorded once").isEqualTo(200);
    assertThat(firSmsTo(OSC_PHONE, caseId)).hasSize(1);
    assertThat(firSmsTo(DLSA_PHONE, caseId)).hasSize(1);
    assertThat(firSmsTo(POLICE_PHONE, caseId)).as("the station recorded it").isEmpty();
    assertThat(firSmsTo(HOSPITAL_PHONE, caseId)).as("no police part shared").isEmpty();
    assertThat(firSmsTo(OSC_PHONE, caseId).get(0).message())
        .contains("an FIR was registered (recorded by PS-CAPITAL)")
        .doesNotContain("311");
  }

  @Test
  void aNoticeInFlightWhenTheApiIsKilledIsSentOnceByTheNextApi() throws Exception {
    String caseId = walkIn();
    stack.stopApi();
    int before = gateway.requestKeys().size();
    Process api = stack.startApiProcess();
    try {
      CaseApiClient adminThere = stack.login("osc.admin");
      gateway.holdNext(Duration.ofSeconds(5));
      refer(adminThere, caseId, "CWC-KHORDHA", null, "she is a child: the CWC must know");
      await().atMost(Duration.ofSeconds(20)).until(() -> gateway.requestKeys().size() > before);
    } finally {
      api.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL while the gateway holds it
      stack.startApi(); // finds the delivery leased, takes it when the lease ends, same key
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> receipts(caseId).contains("SENT"));
    List<String> keys = gateway.requestKeys().subList(before, gateway.requestKeys().size());
    System.out.printf(
        "API killed mid-notice: %d request(s) to the gateway, %d SMS delivered%n",
        keys.size(),
        gateway.delivered().stream().filter(s -> s.message().contains(caseId)).count());
    assertThat(keys).hasSize(2).containsOnly(keys.get(0));
    assertThat(keys.get(0)).startsWith("NOTICE-").endsWith(":SMS");
    assertThat(gateway.delivered().stream().filter(s -> s.message().contains(caseId))).hasSize(1);
    admin = stack.login("osc.admin");
    legalAid = stack.login("dlsa.khordha");
    police = stack.login("police.capital");
  }

  private static String walkIn() throws Exception {
    return admin
        .create("/api/v1/cases", new JsonObject().put("origin", "WALK_IN"))
        .body()
        .getString("caseId");
  }

  /** Her consent to share {@code part} with the recipients (and so to refer her to them). */
  private static void consent(String caseId, String part, String... recipients) throws Exception {
    Answer a =
        admin.create(
            "/api/v1/cases/" + caseId + "/consents",
            new JsonObject()
                .put("parts", new JsonArray().add(part))
                .put("recipients", new JsonArray(List.of((Object[]) recipients))));
    assertThat(a.status()).isEqualTo(201);
  }

  private static Answer refer(String caseId, String agencyId, String shares) throws Exception {
    return refer(admin, caseId, agencyId, shares, null);
  }

  private static Answer refer(
      CaseApiClient who, String caseId, String agencyId, String shares, String overrideReason)
      throws Exception {
    JsonObject body =
        new JsonObject()
            .put("agencyId", agencyId)
            .put("shares", shares == null ? new JsonArray() : new JsonArray().add(shares));
    if (overrideReason != null) {
      body.put("overrideReason", overrideReason);
    }
    Answer a = who.create("/api/v1/cases/" + caseId + "/referrals", body);
    assertThat(a.status()).as(a.body().encode()).isEqualTo(201);
    return a;
  }

  private static List<Sms> smsTo(String phone, String caseId) {
    return gateway.delivered().stream()
        .filter(s -> s.to().equals(phone) && s.message().contains("CASE " + caseId + ":"))
        .toList();
  }

  private static List<Sms> firSmsTo(String phone, String caseId) {
    return smsTo(phone, caseId).stream().filter(s -> s.message().contains("FIR")).toList();
  }

  private static List<String> receipts(String caseId) throws Exception {
    return stack
        .login("osc.admin")
        .get("/api/v1/cases/" + caseId)
        .body()
        .getJsonArray("notices")
        .stream()
        .flatMap(n -> statuses((JsonObject) n).stream())
        .toList();
  }

  private static List<String> statuses(JsonObject notice) {
    return notice.getJsonArray("receipts").stream()
        .map(r -> ((JsonObject) r).getString("status"))
        .toList();
  }
}
