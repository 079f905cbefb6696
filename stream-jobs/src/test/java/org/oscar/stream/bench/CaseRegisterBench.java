package org.oscar.stream.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.oscar.alert.cases.clock.ClockPolicy;
import org.oscar.alert.cases.store.CaseClocks;
import org.oscar.alert.config.ApiConfig;
import org.oscar.alert.http.AlertApiServer;
import org.oscar.contract.codec.Json;
import org.oscar.contract.security.PinHash;
import org.oscar.testkit.PostgresProcess;
import org.oscar.testkit.RedisProcess;

/**
 * The case register at scale, on this machine: N synthetic cases (default 1 000 000, each with its
 * opening event) spread over Odisha's 30 districts in a private PostgreSQL, the alert API
 * in-process over it, then (1) Khordha's case list as its OSC staff read it, by U concurrent users
 * (default 50), each read audited as in production, and (2) case writes (a service event each, with
 * its audit entry) by W concurrent users (default 10). Prints p50/p95/p99 and the rate of each. Run
 * by {@code deploy/bench/cases.sh}; figures in docs/benchmarks.md.
 *
 * <p>Arguments: {@code [cases] [users] [seconds] [writers]}.
 */
public final class CaseRegisterBench {
  private static final String[] DISTRICTS = {
    "Angul",
    "Balangir",
    "Balasore",
    "Bargarh",
    "Bhadrak",
    "Boudh",
    "Cuttack",
    "Deogarh",
    "Dhenkanal",
    "Gajapati",
    "Ganjam",
    "Jagatsinghpur",
    "Jajpur",
    "Jharsuguda",
    "Kalahandi",
    "Kandhamal",
    "Kendrapara",
    "Kendujhar",
    "Khordha",
    "Koraput",
    "Malkangiri",
    "Mayurbhanj",
    "Nabarangpur",
    "Nayagarh",
    "Nuapada",
    "Puri",
    "Rayagada",
    "Sambalpur",
    "Subarnapur",
    "Sundargarh"
  };
  private static final String TOKEN = "bench-token-0123456789abcdef";
  private static final String PASSWORD = "bench-password";

  private CaseRegisterBench() {}

  public static void main(String[] args) throws Exception {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int writers = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    try (PostgresProcess pg = new PostgresProcess();
        RedisProcess redis = new RedisProcess()) {
      pg.start();
      redis.start();
      Vertx vertx = Vertx.vertx();
      int port =
          AlertApiServer.overRedis(vertx, config(pg, redis)).start().await(60, TimeUnit.SECONDS);
      // The register is up (schema migrated) before anything is seeded.
      String base = "http://127.0.0.1:" + port;
      awaitRegister(base);
      long t0 = System.nanoTime();
      seed(pg, cases);
      System.out.printf(
          "[cases] %d cases (and %d opening events) in PostgreSQL in %.0f s%n",
          cases, cases, (System.nanoTime() - t0) / 1e9);
      String token = login(base);
      List<String> khordha = new ArrayList<>();
      for (Object o :
          new JsonObject(get(client(), base + "/api/v1/cases?limit=200", token).body())
              .getJsonArray("cases")) {
        khordha.add(((JsonObject) o).getString("id"));
      }
      ApiConfig config = config(pg, redis);
      CaseClocks clocks =
          new CaseClocks(config.cases().pool(vertx, 2), ClockPolicy.bundled(), null);
      report(
          "clock scan: the watcher's due steps (limit 50) among " + clockRows(cases) + " clocks",
          timed(200, () -> clocks.dueClocks(Instant.now().plusSeconds(3600), 50)));
      int onBoard =
          clocks
              .board("Khordha", Instant.now().plus(java.time.Duration.ofDays(30)), 200)
              .toCompletionStage()
              .toCompletableFuture()
              .get()
              .size();
      report(
          "clock board: Khordha's clocks due within 30 days (" + onBoard + " rows, limit 200)",
          timed(
              100,
              () ->
                  clocks.board("Khordha", Instant.now().plus(java.time.Duration.ofDays(30)), 200)));
      java.time.YearMonth lastMonth =
          java.time.YearMonth.now(java.time.ZoneId.of("Asia/Kolkata")).minusMonths(1);
      org.oscar.alert.cases.store.CaseReports reports =
          new org.oscar.alert.cases.store.CaseReports(config.cases().pool(vertx, 2));
      report(
          "report: Khordha's month " + lastMonth + " (every figure)",
          timed(10, () -> reports.month("Khordha", "Khordha", lastMonth, null)));
      report(
          "list: Khordha's 50 newest cases, " + users + " users",
          run(users, seconds, http -> get(http, base + "/api/v1/cases?limit=50", token)));
      report(
          "write: a service event, " + writers + " users",
          run(
              writers,
              seconds,
              http ->
                  post(
                      http,
                      base
                          + "/api/v1/cases/"
                          + khordha.get(ThreadLocalRandom.current().nextInt(khordha.size()))
                          + "/events",
                      token,
                      new JsonObject()
                          .put("type", "COUNSELLING_SESSION")
                          .put("data", new JsonObject().put("counsellor", "bench"))
                          .put("requestId", UUID.randomUUID().toString()))));
      vertx.close();
    }
  }

  /** {@code n} calls one after another, each timed to its answer. */
  private static Run timed(int n, java.util.function.Supplier<io.vertx.core.Future<?>> call)
      throws Exception {
    List<Double> ms = new ArrayList<>();
    int failures = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      try {
        call.get().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        failures++;
      }
      ms.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(ms);
    return new Run(ms, (int) Math.max(1, (System.nanoTime() - start) / 1_000_000_000L), failures);
  }

  /** Clocks seeded for {@code n} cases: one per case, and a shelter stay on every third. */
  private static int clockRows(int n) {
    return n + n / 3;
  }

  /** Every latency of a run, in ms, its length and how many answers were not 2xx. */
  private record Run(List<Double> ms, int seconds, int failures) {}

  /** Runs {@code users} loops of {@code call} for {@code seconds}. */
  private static Run run(int users, int seconds, Function<HttpClient, HttpResponse<String>> call)
      throws Exception {
    List<Double> all = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> threads = new ArrayList<>();
    int[] failures = new int[1];
    for (int i = 0; i < users; i++) {
      Thread t =
          new Thread(
              () -> {
                HttpClient http = client();
                List<Double> mine = new ArrayList<>();
                while (System.nanoTime() < end) {
                  long s = System.nanoTime();
                  HttpResponse<String> r = call.apply(http);
                  mine.add((System.nanoTime() - s) / 1e6);
                  if (r.statusCode() / 100 != 2) {
                    synchronized (failures) {
                      failures[0]++;
                    }
                  }
                }
                all.addAll(mine);
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return new Run(all, seconds, failures[0]);
  }

  private static void report(String what, Run run) {
    List<Double> sorted = new ArrayList<>(run.ms());
    Collections.sort(sorted);
    System.out.printf(
        "[cases] %s: %d requests in %d s (%.0f/s, %d not 2xx), p50 %.1f ms, p95 %.1f ms, p99 %.1f"
            + " ms, max %.1f ms%n",
        what,
        sorted.size(),
        run.seconds(),
        sorted.size() / (double) run.seconds(),
        run.failures(),
        at(sorted, 0.50),
        at(sorted, 0.95),
        at(sorted, 0.99),
        sorted.get(sorted.size() - 1));
  }

  private static double at(List<Double> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  private static void seed(PostgresProcess pg, int n) throws Exception {
    String districts = "(array['" + String.join("','", DISTRICTS) + "'])";
    try (Connection c =
            DriverManager.getConnection(pg.jdbcUrl(), PostgresProcess.USER, pg.password());
        Statement s = c.createStatement()) {
      s.execute(
          "insert into survivor (id) select 'SV-B' || g from generate_series(1, " + n + ") g");
      s.execute(
          "insert into survivor_case (id, origin, district, case_type, state, survivor_id,"
              + " opened_at, updated_at) select 'CASE-B' || g,"
              + " (array['WALK_IN','CALL_181','REFERRAL','PANIC_PRESS'])[1 + g % 4], "
              + districts
              + "[1 + g % 30],"
              + " (array['DOMESTIC_VIOLENCE','SEXUAL_ASSAULT','TRAFFICKING','CHILD_ABUSE','OTHER'])[1"
              + " + g % 5],"
              + " (array['REGISTERED','MEDICAL_CARE','SHELTER','LEGAL_ACTION','COUNSELLING','CLOSED'])[1"
              + " + g % 6],"
              + " 'SV-B' || g, now() - make_interval(secs => g * 30), now() - make_interval(secs =>"
              + " g * 30) from generate_series(1, "
              + n
              + ") g");
      s.execute(
          "insert into case_event (case_id, part, type, data, happened_at, actor) select 'CASE-B'"
              + " || g, 'CASE', 'OPENED', '{}', now(), 'bench' from generate_series(1, "
              + n
              + ") g");
      // The clocks: every case's right to hear how its investigation goes (one in seven still
      // running, its next step spread over the coming days), a shelter stay on every third (met).
      s.execute(
          "insert into case_clock (case_id, district, clock, policy_version, title, source, part,"
              + " started_at, due_at, state, next_step, next_fire_at) select 'CASE-B' || g, "
              + districts
              + "[1 + g % 30], 'VICTIM_INFORMED', 'bench', 'victim informed', 'BNSS s.193(3)(ii)', 'POLICE',"
              + " now() - make_interval(secs => g * 30), now() - make_interval(secs => g * 30) +"
              + " interval '90 days', case when g % 7 = 0 then 'RUNNING' else 'MET' end, 0, case"
              + " when g % 7 = 0 then now() + make_interval(secs => g) end from"
              + " generate_series(1, "
              + n
              + ") g");
      s.execute(
          "insert into case_clock (case_id, district, clock, policy_version, title, source, part,"
              + " started_at, due_at, state, ended_at) select 'CASE-B' || g, "
              + districts
              + "[1 + g % 30], 'OSC_SHELTER',"
              + " 'bench', 'shelter', 'OSC scheme', 'SHELTER', now() - make_interval(secs => g *"
              + " 30), now() - make_interval(secs => g * 30) + interval '5 days', 'MET', now() -"
              + " make_interval(secs => g * 30) + interval '3 days' from generate_series(1, "
              + n
              + ") g where g % 3 = 0");
      s.execute("analyze");
    }
  }

  private static ApiConfig config(PostgresProcess pg, RedisProcess redis) throws Exception {
    Path users = Files.createTempFile("bench-users", ".json");
    Files.writeString(
        users,
        Json.toString(
            List.of(
                Map.of(
                    "username", "osc.khordha",
                    "passwordHash", PinHash.hash(PASSWORD, new SecureRandom(), 1_000),
                    "district", "Khordha",
                    "regions", List.of("khordha"),
                    "role", "OSC_ADMIN"))));
    Map<String, String> env = new HashMap<>();
    env.put("OSCAR_API_PORT", "0");
    env.put("OSCAR_REDIS_PORT", String.valueOf(redis.port()));
    env.put("OSCAR_API_TOKEN", TOKEN);
    env.put("OSCAR_REGIONS_DIR", org.oscar.stream.region.TestRegions.SHIPPED.toString());
    env.put("OSCAR_USERS_FILE", users.toString());
    env.put("OSCAR_JWT_SECRET", "bench-jwt-secret-0123456789-0123456789");
    env.put("OSCAR_PG_HOST", pg.host());
    env.put("OSCAR_PG_PORT", String.valueOf(pg.port()));
    env.put("OSCAR_PG_USER", PostgresProcess.USER);
    env.put("OSCAR_PG_PASSWORD", pg.password());
    return ApiConfig.from(env);
  }

  private static void awaitRegister(String base) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (get(client(), base + "/api/v1/case-forms", TOKEN).statusCode() == 200) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the case register did not come up");
  }

  private static String login(String base) throws Exception {
    HttpResponse<String> r =
        client()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            new JsonObject()
                                .put("username", "osc.khordha")
                                .put("password", PASSWORD)
                                .encode()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new JsonObject(r.body()).getString("token");
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  private static HttpResponse<String> get(HttpClient http, String url, String token) {
    return send(http, HttpRequest.newBuilder(URI.create(url)).GET(), token);
  }

  private static HttpResponse<String> post(
      HttpClient http, String url, String token, JsonObject body) {
    return send(
        http,
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode())),
        token);
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder b, String token) {
    try {
      return http.send(
          b.header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
