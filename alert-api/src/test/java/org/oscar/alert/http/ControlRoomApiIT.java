package org.oscar.alert.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oscar.alert.TestIncidents;
import org.oscar.alert.config.ApiConfig;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.DeadLetter;
import org.oscar.contract.live.DeliveryBacklog;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.live.UnregisteredEmergencyView;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.security.PinHash;
import org.oscar.testkit.RedisProcess;
import redis.clients.jedis.RedisClient;

/**
 * What a control-room user can reach, on a real Redis: a login, their own district's incidents and
 * units, live pushes within a second of a write — and nothing of another district.
 */
class ControlRoomApiIT {
  private static final String SERVICE_TOKEN = "it-token-0123456789abcdef";
  private static final String JWT_SECRET = "it-jwt-secret-0123456789-0123456789";
  private static RedisProcess redis;
  private static RedisClient redisClient;
  private static Vertx vertx;
  private static String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    redis = new RedisProcess();
    redis.start();
    redisClient = RedisClient.create(redis.host(), redis.port());
    Path users = Files.createTempFile("users", ".json");
    SecureRandom random = new SecureRandom();
    Files.writeString(
        users,
        Json.toString(
            List.of(
                Map.of(
                    "username",
                    "control.khordha",
                    "passwordHash",
                    PinHash.hash("khordha-pass", random, 1_000),
                    "district",
                    "Khordha",
                    "regions",
                    List.of("khordha")),
                Map.of(
                    "username",
                    "control.cuttack",
                    "passwordHash",
                    PinHash.hash("cuttack-pass", random, 1_000),
                    "district",
                    "Cuttack",
                    "regions",
                    List.of("cuttack")),
                Map.of(
                    "username",
                    "control.odisha",
                    "passwordHash",
                    PinHash.hash("odisha-pass", random, 1_000),
                    "district",
                    "Odisha",
                    "state",
                    "Odisha"))));
    vertx = Vertx.vertx();
    ApiConfig config =
        ApiConfig.from(
            Map.of(
                "OSCAR_API_PORT",
                "0",
                "OSCAR_REDIS_PORT",
                String.valueOf(redis.port()),
                "OSCAR_API_TOKEN",
                SERVICE_TOKEN,
                "OSCAR_REGIONS_DIR",
                org.oscar.alert.TestRegionsDir.PATH,
                "OSCAR_USERS_FILE",
                users.toString(),
                "OSCAR_JWT_SECRET",
                JWT_SECRET));
    int port = AlertApiServer.overRedis(vertx, config).start().await(10, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + port;
    storeIncident(TestIncidents.open("INC-KHORDHA-1", "Capital Police Station"));
    storeIncident(cuttackIncident("INC-CUTTACK-1"));
    redisClient.hset(
        LiveKeys.unit("PCR-1"),
        Map.of(
            "kind",
            "POLICE",
            "region",
            "khordha",
            "status",
            "AVAILABLE",
            "lat",
            "20.27",
            "lon",
            "85.83"));
    redisClient.sadd(LiveKeys.regionUnits("khordha"), "PCR-1");
    redisClient.hset(
        LiveKeys.unit("CTC-1"),
        Map.of(
            "kind",
            "POLICE",
            "region",
            "cuttack",
            "status",
            "AVAILABLE",
            "lat",
            "20.46",
            "lon",
            "85.88"));
    redisClient.sadd(LiveKeys.regionUnits("cuttack"), "CTC-1");
  }

  @AfterAll
  static void stop() {
    redisClient.close();
    vertx.close();
    redis.close();
  }

  @Test
  void aUserLogsInAndSeesOnlyTheirDistrictsIncidentsAndUnits() throws Exception {
    String token = login("control.khordha", "khordha-pass");

    JsonObject incidents = new JsonObject(get("/api/v1/incidents", token).body());
    JsonObject units = new JsonObject(get("/api/v1/units", token).body());

    assertThat(
            incidents.getJsonArray("incidents").stream()
                .map(o -> ((JsonObject) o).getString("incidentId")))
        .containsExactly("INC-KHORDHA-1");
    assertThat(units.getJsonArray("units").stream().map(o -> ((JsonObject) o).getString("id")))
        .containsExactly("PCR-1");
    assertThat(get("/api/v1/incidents/INC-KHORDHA-1", token).statusCode()).isEqualTo(200);
  }

  @Test
  void aUserOfOneDistrictGets403ForAnotherDistrictsIncident() throws Exception {
    String khordha = login("control.khordha", "khordha-pass");
    String cuttack = login("control.cuttack", "cuttack-pass");

    assertThat(get("/api/v1/incidents/INC-CUTTACK-1", khordha).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/incidents/INC-KHORDHA-1", cuttack).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/incidents/INC-CUTTACK-1", cuttack).statusCode()).isEqualTo(200);
    // Nor may they act on it: taking its call or closing it is refused before anything is sent.
    for (String action : List.of("take", "close", "serious")) {
      assertThat(post("/api/v1/incidents/INC-KHORDHA-1/" + action, "{}", cuttack).statusCode())
          .as(action)
          .isEqualTo(403);
    }
    // Their own district's passes that check (this API has no broker, so it can send nothing).
    assertThat(post("/api/v1/incidents/INC-KHORDHA-1/take", "{}", khordha).statusCode())
        .isEqualTo(503);
  }

  @Test
  void theMapsFacilitiesShelterIncludedAreServedToTheirRegionsControlRoomOnly() throws Exception {
    JsonObject khordha =
        new JsonObject(get("/api/v1/facilities", login("control.khordha", "khordha-pass")).body());
    assertThat(
            khordha.getJsonArray("facilities").stream()
                .map(
                    f ->
                        ((JsonObject) f).getString("kind")
                            + " "
                            + ((JsonObject) f).getString("id")))
        .contains("OSC OSC-KHORDHA", "HOSPITAL HOSP-CAPITAL", "SHELTER SHAKTI-SADAN-KHORDHA");
    JsonObject cuttack =
        new JsonObject(get("/api/v1/facilities", login("control.cuttack", "cuttack-pass")).body());
    assertThat(
            cuttack.getJsonArray("facilities").stream()
                .map(f -> ((JsonObject) f).getString("region"))
                .distinct())
        .containsExactly("cuttack");
    // A shelter's address is not public.
    assertThat(get("/api/v1/facilities", null).statusCode()).isEqualTo(401);
  }

  @Test
  void theMapOpensOnTheUsersOwnAreaWithItsStations() throws Exception {
    JsonObject khordha =
        new JsonObject(get("/api/v1/areas", login("control.khordha", "khordha-pass")).body());
    JsonObject cuttack =
        new JsonObject(get("/api/v1/areas", login("control.cuttack", "cuttack-pass")).body());
    JsonObject odisha =
        new JsonObject(get("/api/v1/areas", login("control.odisha", "odisha-pass")).body());

    assertThat(names(khordha)).contains("Capital Police Station", "Khordha").hasSize(18);
    assertThat(names(cuttack)).containsExactly("Cuttack");
    assertThat(names(odisha)).hasSize(30 + 17).contains("Capital Police Station", "Malkangiri");
    // [south, west, north, east]: Cuttack's box lies within the state's.
    var box = cuttack.getJsonArray("bounds");
    var state = odisha.getJsonArray("bounds");
    assertThat(box.getDouble(0)).isBetween(19.5, 21.0);
    assertThat(box.getDouble(1)).isBetween(84.5, 86.5);
    assertThat(state.getDouble(0)).isLessThan(box.getDouble(0));
    assertThat(state.getDouble(3)).isGreaterThan(box.getDouble(3));
  }

  @Test
  void theStateControlRoomSeesEveryDistrictAndADistrictOnlyItsOwn() throws Exception {
    String odisha = login("control.odisha", "odisha-pass");
    String cuttack = login("control.cuttack", "cuttack-pass");

    assertThat(incidentIds(get("/api/v1/incidents", odisha).body()))
        .contains("INC-KHORDHA-1", "INC-CUTTACK-1");
    assertThat(incidentIds(get("/api/v1/incidents", cuttack).body()))
        .contains("INC-CUTTACK-1")
        .doesNotContain("INC-KHORDHA-1");
    assertThat(get("/api/v1/incidents/INC-KHORDHA-1", odisha).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/incidents/INC-KHORDHA-1", cuttack).statusCode()).isEqualTo(403);
    JsonObject who =
        new JsonObject(
            post("/login", "{\"username\":\"control.odisha\",\"password\":\"odisha-pass\"}", null)
                .body());
    assertThat(who.getString("state")).isEqualTo("Odisha");
    assertThat(who.getJsonArray("regions")).hasSize(30).contains("khordha", "cuttack");
  }

  @Test
  void aCaseOpenedForAPlaceInAnotherDistrictIsRefusedNotFiledUnderTheCallersOwn() throws Exception {
    String cuttack = login("control.cuttack", "cuttack-pass");

    // Bhubaneswar's Capital station: Khordha's.
    HttpResponse<String> r =
        post("/api/v1/incidents", "{\"lat\": 20.2654, \"lon\": 85.8280}", cuttack);

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(r.body()).getString("region")).isEqualTo("khordha");
  }

  private static List<String> names(JsonObject featureCollection) {
    return featureCollection.getJsonArray("features").stream()
        .map(f -> ((JsonObject) f).getJsonObject("properties").getString("Name"))
        .toList();
  }

  private static List<String> incidentIds(String body) {
    return new JsonObject(body)
        .getJsonArray("incidents").stream()
            .map(i -> ((JsonObject) i).getString("incidentId"))
            .toList();
  }

  @Test
  void withoutALoginOrWithAWrongPasswordNothingIsServed() throws Exception {
    HttpResponse<String> wrong =
        post("/login", "{\"username\":\"control.khordha\",\"password\":\"guess\"}", null);

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/units", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/incidents", "not.a.jwt").statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/areas", null).statusCode()).isEqualTo(401);
    // Prometheus reads counts only, without a login; open incidents come from live state.
    assertThat(get("/metrics", null).body())
        .contains("oscar_incidents_open{region=\"khordha\"} 1.0");
  }

  @Test
  void scopeComesFromTheUsersFileNotFromWhatATokenClaims() throws Exception {
    // Tokens signed with the API's own key, as if issued before a user was removed or moved.
    var jwt =
        io.vertx.ext.auth.jwt.JWTAuth.create(
            vertx,
            new io.vertx.ext.auth.jwt.JWTAuthOptions()
                .addPubSecKey(
                    new io.vertx.ext.auth.PubSecKeyOptions()
                        .setAlgorithm("HS256")
                        .setBuffer(JWT_SECRET)));
    String removed =
        jwt.generateToken(
            new JsonObject()
                .put("sub", "control.gone")
                .put("district", "Khordha")
                .put("regions", new io.vertx.core.json.JsonArray(List.of("khordha"))));
    String widened =
        jwt.generateToken(
            new JsonObject()
                .put("sub", "control.khordha")
                .put("district", "Cuttack")
                .put("regions", new io.vertx.core.json.JsonArray(List.of("cuttack"))));

    assertThat(get("/api/v1/units", removed).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/incidents/INC-CUTTACK-1", widened).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/incidents/INC-KHORDHA-1", widened).statusCode()).isEqualTo(200);
  }

  @Test
  void onlyTheStreamJobMayPostAlertEvents() throws Exception {
    String user = login("control.khordha", "khordha-pass");
    String event = openedAlert("INC-X-1");

    assertThat(post("/api/v1/events/alert", event, user).statusCode()).isEqualTo(403);
    assertThat(post("/api/v1/events/alert", event, SERVICE_TOKEN).statusCode()).isEqualTo(202);
  }

  @Test
  void aDeadLetterIsShownToItsRegionsControlRoomAndReSentOnceTheApiTakesIt() throws Exception {
    String khordha = login("control.khordha", "khordha-pass");
    String cuttack = login("control.cuttack", "cuttack-pass");
    String good = openedAlert("INC-DL-1");
    // As the job keeps them: one this API now takes (its validation was fixed since), one it
    // still cannot read.
    deadLetter("INC-DL-1:OPENED", good);
    deadLetter("BROKEN-1", "{\"eventId\":\"BROKEN-1\"}");

    JsonObject seen = new JsonObject(get("/api/v1/pipeline", khordha).body());
    assertThat(seen.getJsonArray("deadLetters").stream().map(o -> ((JsonObject) o).getString("id")))
        .contains("INC-DL-1:OPENED", "BROKEN-1");
    assertThat(new JsonObject(get("/api/v1/pipeline", cuttack).body()).encode())
        .doesNotContain("INC-DL-1");
    assertThat(
            post("/api/v1/pipeline/dead-letters/INC-DL-1:OPENED/resend", "", cuttack).statusCode())
        .as("another district's dead letter")
        .isEqualTo(404);

    assertThat(post("/api/v1/pipeline/dead-letters/BROKEN-1/resend", "", khordha).statusCode())
        .isEqualTo(422);
    assertThat(
            post("/api/v1/pipeline/dead-letters/INC-DL-1:OPENED/resend", "", khordha).statusCode())
        .isEqualTo(202);

    assertThat(redisClient.hkeys(LiveKeys.deadLetters(LiveKeys.ALERT_SINK)))
        .containsExactly("BROKEN-1");
    assertThat(redisClient.lrange(LiveKeys.notifications("INC-DL-1"), 0, -1)).isNotEmpty();
    assertThat(
            post("/api/v1/pipeline/dead-letters/INC-DL-1:OPENED/resend", "", khordha).statusCode())
        .as("re-sent once")
        .isEqualTo(404);
    redisClient.del(LiveKeys.deadLetters(LiveKeys.ALERT_SINK));
  }

  @Test
  void thePipelineSaysWhenTheJobsAlertsAreWaitingBehindARefusal() throws Exception {
    String khordha = login("control.khordha", "khordha-pass");
    long since = System.currentTimeMillis() - 20_000;
    redisClient.hset(
        LiveKeys.deliveryBacklog(LiveKeys.ALERT_SINK),
        Map.of(
            "0",
            Json.toString(
                new DeliveryBacklog(
                    LiveKeys.ALERT_SINK,
                    0,
                    3,
                    since,
                    "alert API answered HTTP 401",
                    System.currentTimeMillis())),
            "1",
            Json.toString(
                new DeliveryBacklog(
                    LiveKeys.ALERT_SINK, 1, 2, 0, null, System.currentTimeMillis()))));

    JsonObject alerts =
        new JsonObject(get("/api/v1/pipeline", khordha).body()).getJsonObject("alerts");

    assertThat(alerts.getBoolean("alarm")).isTrue();
    assertThat(alerts.getInteger("waiting")).isEqualTo(5);
    assertThat(alerts.getInteger("reporting")).isEqualTo(2);
    assertThat(alerts.getLong("failingSince")).isEqualTo(since);
    assertThat(alerts.getString("lastError")).contains("401");
    assertThat(get("/metrics", null).body())
        .contains("oscar_pipeline_alerts_waiting 5.0")
        .contains("oscar_pipeline_alerts_failing 1.0");
    redisClient.del(LiveKeys.deliveryBacklog(LiveKeys.ALERT_SINK));
  }

  /** The job's alert that an incident of Capital Police Station was opened, as JSON. */
  private static String openedAlert(String incidentId) {
    return Json.toString(
        AlertEvent.of(
            AlertKind.OPENED,
            "OPENED",
            List.of("SHO"),
            "opened",
            TestIncidents.open(incidentId, "Capital Police Station")));
  }

  private static void deadLetter(String id, String body) {
    redisClient.hset(
        LiveKeys.deadLetters(LiveKeys.ALERT_SINK),
        id,
        Json.toString(
            new DeadLetter(id, 422, "{\"error\":\"…\"}", System.currentTimeMillis(), body)));
  }

  @Test
  void anUnregisteredTrackersEmergencyIsShownToItsRegionsControlRoomOnly() throws Exception {
    showUnregistered("111111111111111", "khordha");
    // An IMEI whose entry expired is listed no more.
    redisClient.sadd(LiveKeys.unregisteredEmergencies("khordha"), "222222222222222");

    JsonObject khordha =
        new JsonObject(
            get("/api/v1/unregistered-emergencies", login("control.khordha", "khordha-pass"))
                .body());
    JsonObject cuttack =
        new JsonObject(
            get("/api/v1/unregistered-emergencies", login("control.cuttack", "cuttack-pass"))
                .body());

    List<JsonObject> shown =
        khordha.getJsonArray("emergencies").stream().map(o -> (JsonObject) o).toList();
    assertThat(shown)
        .filteredOn(e -> e.getString("imei").equals("111111111111111"))
        .singleElement()
        .satisfies(e -> assertThat(e.getDouble("lat")).isEqualTo(20.27));
    assertThat(shown).noneMatch(e -> e.getString("imei").equals("222222222222222"));
    assertThat(cuttack.getJsonArray("emergencies").stream().map(o -> (JsonObject) o))
        .noneMatch(e -> e.getString("region").equals("khordha"));
  }

  @Test
  void herCallBackNumberIsServedToHerDistrictOnlyWhileHerLocationIsUnknown() throws Exception {
    redisClient.hset(LiveKeys.device("SURV-CB"), DeviceRecord.CALL_BACK_FIELD, "+919000000001");
    // Stored but not listed as open: the other tests count this region's open incidents.
    IncidentView unlocated =
        new IncidentView(
            "INC-SURV-CB-1",
            "khordha",
            "Khordha",
            "SURV-CB",
            "OPEN",
            0,
            0,
            false,
            false,
            null,
            null,
            null,
            1_000,
            List.of(),
            List.of(),
            true,
            List.of(),
            null);
    redisClient.set(LiveKeys.incident(unlocated.incidentId()), Json.toString(unlocated));
    String khordha = login("control.khordha", "khordha-pass");

    JsonObject unknown = new JsonObject(get("/api/v1/incidents/INC-SURV-CB-1", khordha).body());
    JsonObject known = new JsonObject(get("/api/v1/incidents/INC-KHORDHA-1", khordha).body());

    assertThat(unknown.getString("callBack")).isEqualTo("+919000000001");
    assertThat(known.containsKey("callBack")).isFalse();
    assertThat(
            get("/api/v1/incidents/INC-SURV-CB-1", login("control.cuttack", "cuttack-pass"))
                .statusCode())
        .isEqualTo(403);
  }

  private static void showUnregistered(String imei, String region) {
    UnregisteredEmergencyView v =
        new UnregisteredEmergencyView(imei, region, 1_000, 2_000, 2, 20.27, 85.84);
    redisClient.set(LiveKeys.unregisteredEmergency(region, imei), Json.toString(v));
    redisClient.sadd(LiveKeys.unregisteredEmergencies(region), imei);
  }

  @Test
  void theStreamPushesAUnitMoveWithinASecondAndNothingOfAnotherDistrict() throws Exception {
    String token = login("control.khordha", "khordha-pass");
    List<String> received = new CopyOnWriteArrayList<>();
    HttpResponse<java.io.InputStream> stream =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/stream"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  received.add(line);
                }
              } catch (Exception e) {
                // closed at the end of the test
              }
            });
    reader.setDaemon(true);
    reader.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> received.contains(": connected"));
    Thread.sleep(300); // let the subscriber thread subscribe

    long written = System.nanoTime();
    // What the stream job does on a position report: write the unit, announce it.
    redisClient.hset(LiveKeys.unit("PCR-1"), Map.of("lat", "20.2800", "lon", "85.8400"));
    redisClient.publish(LiveKeys.liveChannel("khordha"), "unit:PCR-1");
    storeIncident(cuttackIncident("INC-CUTTACK-2"));
    redisClient.publish(LiveKeys.liveChannel("cuttack"), "incident:INC-CUTTACK-2");
    showUnregistered("333333333333333", "khordha");
    redisClient.publish(LiveKeys.liveChannel("khordha"), "unregistered:333333333333333");
    showUnregistered("444444444444444", "cuttack");
    redisClient.publish(LiveKeys.liveChannel("cuttack"), "unregistered:444444444444444");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> received.stream().anyMatch(l -> l.contains("\"lat\":\"20.2800\"")));
    System.out.printf(
        "unit move pushed to the control room %d ms after the write%n",
        (System.nanoTime() - written) / 1_000_000);

    Thread.sleep(500);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> received.stream().anyMatch(l -> l.contains("333333333333333")));
    assertThat(received)
        .contains("event: unit", "event: unregistered")
        .noneMatch(
            l -> l.contains("INC-CUTTACK") || l.contains("CTC-1") || l.contains("444444444444444"));
  }

  private String login(String user, String password) throws Exception {
    HttpResponse<String> r =
        post(
            "/login",
            new JsonObject().put("username", user).put("password", password).encode(),
            null);
    assertThat(r.statusCode()).isEqualTo(200);
    return new JsonObject(r.body()).getString("token");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void storeIncident(IncidentView v) {
    redisClient.set(LiveKeys.incident(v.incidentId()), Json.toString(v));
    redisClient.sadd(LiveKeys.openIncidents(v.region()), v.incidentId());
  }

  private static IncidentView cuttackIncident(String id) {
    IncidentView k = TestIncidents.open(id, "Cantonment Police Station");
    return new IncidentView(
        id,
        "cuttack",
        "Cuttack",
        k.deviceId(),
        k.state(),
        20.46,
        85.88,
        false,
        false,
        k.jurisdiction(),
        null,
        null,
        k.openedAt(),
        List.of(),
        List.of(),
        false,
        List.of(),
        null);
  }
}
