package org.oscar.alert.cases.store;

import static org.oscar.alert.cases.store.CaseRows.instant;
import static org.oscar.alert.cases.store.CaseRows.sql;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.oscar.alert.cases.clock.ClockDefinition;
import org.oscar.alert.cases.clock.ClockPolicy;
import org.oscar.alert.cases.clock.ClockPosts;
import org.oscar.alert.cases.clock.ClockRules;
import org.oscar.alert.cases.clock.ClockStep;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.notice.NoticeCause;
import org.oscar.alert.cases.notice.NoticeRecipients.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legal clocks in PostgreSQL. An event starts, meets or closes clocks in the transaction that
 * records it. The watcher fires each clock's steps (reminders, overdue, escalations) with no input
 * at all: every poll it takes the running clocks with a step due and, for each in its own
 * transaction with the clock row locked, queues the step's notices in the case-notice outbox, lets
 * the officials it reaches read the case, puts the step on the case's timeline and moves the clock
 * to its next step. So a step happens exactly once whatever process dies when: a transaction rolled
 * back leaves the step due (the next poll, of this process or another, takes it), a committed one
 * has moved on; and its messages go out at least once under stable keys, one per post ({@code
 * CaseNotices}).
 */
public final class CaseClocks {
  private static final Logger LOG = LoggerFactory.getLogger(CaseClocks.class);
  private static final int BATCH = 50;

  private final Pool pool;
  private final ClockPolicy policy;
  private final CaseNotices notices;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile long timer = -1;

  public CaseClocks(Pool pool, ClockPolicy policy, CaseNotices notices) {
    this.pool = pool;
    this.policy = policy;
    this.notices = notices;
  }

  public ClockPolicy policy() {
    return policy;
  }

  // --- started, met and closed by events ---

  /** What the event just recorded on the case does to its clocks, in the caller's transaction. */
  Future<Void> onEvent(
      SqlConnection c,
      CaseFile f,
      long eventRowId,
      String type,
      JsonObject data,
      Instant happenedAt,
      Actor actor) {
    List<ClockRules.Running> running = new ArrayList<>();
    for (ClockRow k : f.clocks()) {
      if ("RUNNING".equals(k.state())) {
        running.add(new ClockRules.Running(k.id(), k.clock(), k.startedAt()));
      }
    }
    List<ClockRules.Past> history = new ArrayList<>();
    for (CaseEventRow e : f.events()) {
      if (e.id() != eventRowId) {
        history.add(new ClockRules.Past(e.type(), e.data(), e.happenedAt()));
      }
    }
    ClockRules.Changes changes =
        ClockRules.onEvent(policy, f.type(), type, data, happenedAt, running, history);
    Future<Void> chain = Future.succeededFuture();
    for (ClockRules.End end : changes.ends()) {
      chain = chain.compose(x -> end(c, f.id(), end, actor));
    }
    for (ClockRules.Start start : changes.starts()) {
      chain = chain.compose(x -> start(c, f.id(), start, "EV-" + eventRowId, actor));
    }
    return chain;
  }

  private Future<Void> start(
      SqlConnection c, String caseId, ClockRules.Start s, String startEvent, Actor actor) {
    ClockDefinition def = s.clock();
    List<ClockStep> steps = def.steps(s.startedAt());
    return c.preparedQuery(
            "insert into case_clock (case_id, district, clock, policy_version, title, source,"
                + " part, started_at, due_at, start_event, state, next_fire_at) values ($1,"
                + " (select district from survivor_case where id = $1), $2, $3, $4, $5, $6, $7, $8,"
                + " $9, 'RUNNING', $10) on conflict do nothing returning id")
        .execute(
            Tuple.tuple()
                .addString(caseId)
                .addString(def.id())
                .addString(policy.version())
                .addString(def.title())
                .addString(def.source())
                .addString(def.part().name())
                .addOffsetDateTime(sql(s.startedAt()))
                .addOffsetDateTime(sql(s.dueAt()))
                .addString(startEvent)
                .addOffsetDateTime(sql(steps.get(0).at())))
        .compose(
            rows ->
                !rows.iterator().hasNext()
                    ? Future.succeededFuture()
                    : CaseStore.event(
                            c,
                            caseId,
                            "CLOCK",
                            "CLOCK_STARTED",
                            clockData(def.id(), def.part().name())
                                .put("dueAt", s.dueAt().toString())
                                .put("source", def.source()),
                            s.startedAt(),
                            actor)
                        .mapEmpty());
  }

  private static Future<Void> end(SqlConnection c, String caseId, ClockRules.End e, Actor actor) {
    return c.preparedQuery(
            "update case_clock set state = $2, ended_at = $3, ended_by = $4, next_fire_at = null,"
                + " breached = breached or $3 > due_at where id = $1 and state = 'RUNNING'"
                + " returning clock, part, breached")
        .execute(Tuple.of(e.clock().id(), e.met() ? "MET" : "CLOSED", sql(e.at()), e.by()))
        .compose(
            rows -> {
              if (!rows.iterator().hasNext()) {
                return Future.succeededFuture();
              }
              Row r = rows.iterator().next();
              return CaseStore.event(
                      c,
                      caseId,
                      "CLOCK",
                      e.met() ? "CLOCK_MET" : "CLOCK_CLOSED",
                      clockData(r.getString("clock"), r.getString("part"))
                          .put("by", e.by())
                          .put("late", r.getBoolean("breached")),
                      e.at(),
                      actor)
                  .mapEmpty();
            });
  }

  /**
   * Closes one running clock for a reason that is not an event of its own (policy, case closed).
   */
  private static Future<Void> close(
      SqlConnection c, long id, String caseId, String why, Actor actor) {
    return c.preparedQuery(
            "update case_clock set state = 'CLOSED', ended_at = now(), ended_by = $2,"
                + " next_fire_at = null where id = $1 and state = 'RUNNING' returning clock, part")
        .execute(Tuple.of(id, why))
        .compose(
            rows ->
                !rows.iterator().hasNext()
                    ? Future.succeededFuture()
                    : CaseStore.event(
                            c,
                            caseId,
                            "CLOCK",
                            "CLOCK_CLOSED",
                            clockData(
                                    rows.iterator().next().getString("clock"),
                                    rows.iterator().next().getString("part"))
                                .put("by", why),
                            null,
                            actor)
                        .mapEmpty());
  }

  /** The case is closed: its running clocks close with it, in the closing's transaction. */
  Future<Void> caseClosed(SqlConnection c, String caseId, Actor actor) {
    return c.preparedQuery("select id from case_clock where case_id = $1 and state = 'RUNNING'")
        .execute(Tuple.of(caseId))
        .compose(
            rows -> {
              Future<Void> chain = Future.succeededFuture();
              for (Row r : rows) {
                long id = r.getLong("id");
                chain = chain.compose(x -> close(c, id, caseId, "CASE_CLOSED", actor));
              }
              return chain;
            });
  }

  // --- fired by time ---

  /** Fires due steps every {@code pollMs}, until {@link #stop}. */
  public void start(Vertx vertx, long pollMs) {
    timer = vertx.setPeriodic(pollMs, t -> poll());
  }

  public void stop(Vertx vertx) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void poll() {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    fireDue(Instant.now())
        .onFailure(e -> LOG.warn("clock round failed, retried next round: {}", e.getMessage()))
        .onComplete(r -> busy.set(false));
  }

  /** Fires every step due by {@code now} (one step per clock per call); how many were fired. */
  public Future<Integer> fireDue(Instant now) {
    return dueClocks(now, BATCH)
        .compose(
            ids -> {
              Future<Integer> fired = Future.succeededFuture(0);
              for (long id : ids) {
                // One clock that fails (its transaction rolled back, its step still due) holds
                // up none of the others.
                fired =
                    fired.compose(
                        n ->
                            fireOne(id, now)
                                .map(done -> done ? n + 1 : n)
                                .recover(
                                    e -> {
                                      LOG.warn(
                                          "clock {} not fired, retried: {}", id, e.getMessage());
                                      return Future.succeededFuture(n);
                                    }));
              }
              return fired;
            });
  }

  /** The watcher's scan: up to {@code max} running clocks with a step due by {@code now}. */
  public Future<List<Long>> dueClocks(Instant now, int max) {
    return pool.preparedQuery(
            "select id from case_clock where state = 'RUNNING' and next_fire_at <= $1 order by"
                + " next_fire_at limit $2")
        .execute(Tuple.of(sql(now), max))
        .map(
            rows -> {
              List<Long> ids = new ArrayList<>();
              rows.forEach(r -> ids.add(r.getLong("id")));
              return ids;
            });
  }

  private Future<Boolean> fireOne(long clockId, Instant now) {
    return pool.withTransaction(
        c ->
            c.preparedQuery(
                    "select k.*, c.region, c.state as case_state from case_clock k join"
                        + " survivor_case c on c.id = k.case_id where k.id = $1 and k.state ="
                        + " 'RUNNING' and k.next_fire_at <= $2 for update of k skip locked")
                .execute(Tuple.of(clockId, sql(now)))
                .compose(
                    rows ->
                        rows.iterator().hasNext()
                            ? fire(c, rows.iterator().next()).map(true)
                            : Future.succeededFuture(false)));
  }

  private Future<Void> fire(SqlConnection c, Row k) {
    long id = k.getLong("id");
    String caseId = k.getString("case_id");
    Actor clock = new Actor("legal-clock", null, null, false);
    ClockDefinition def = policy.clock(k.getString("clock")).orElse(null);
    if (def == null || "CLOSED".equals(k.getString("case_state"))) {
      // A clock the policy no longer has, or on a case closed meanwhile: closed, on the record.
      return close(
          c,
          id,
          caseId,
          def == null ? "not in clock policy " + policy.version() : "CASE_CLOSED",
          clock);
    }
    Instant due = instant(k, "due_at");
    Instant dueStep = instant(k, "next_fire_at");
    // The step is found by its time, not its place in the list: a policy that adds or drops a
    // reminder neither repeats nor skips a step of a running clock.
    List<ClockStep> steps = def.steps(instant(k, "started_at"), due);
    ClockStep step = ClockStep.next(steps, dueStep, Instant.now());
    if (step == null) {
      return c.preparedQuery("update case_clock set next_fire_at = null where id = $1")
          .execute(Tuple.of(id))
          .mapEmpty();
    }
    int index = step.index();
    Instant nextAt =
        steps.stream()
            .map(ClockStep::at)
            .filter(at -> at.isAfter(step.at()))
            .findFirst()
            .orElse(null);
    String district =
        k.getString("district") == null ? k.getString("region") : k.getString("district");
    return recipients(c, caseId, district, step.posts())
        .map(
            // Nobody to tell (no OSC on file for the district) is never silence: the region's
            // control room is told instead, as an alert with no official is.
            to ->
                to.isEmpty()
                    ? List.of(new Recipient("CONTROL_ROOM:" + k.getString("region"), null))
                    : to)
        .compose(
            to -> {
              List<String> officials =
                  to.stream().map(Recipient::post).filter(ClockPosts::isOfficial).toList();
              return notices
                  .queue(
                      c,
                      caseId,
                      NoticeCause.clock(
                          "CLOCK-" + id + ":" + step.kind() + ":" + step.at().toEpochMilli(),
                          step.kind(),
                          def.title(),
                          due),
                      to)
                  .compose(x -> CaseStore.escalate(c, caseId, officials, "CLOCK " + def.id()))
                  .compose(
                      x ->
                          CaseStore.event(
                              c,
                              caseId,
                              "CLOCK",
                              "CLOCK_" + step.kind().name(),
                              clockData(def.id(), def.part().name())
                                  .put("step", index)
                                  .put("dueAt", due.toString())
                                  .put(
                                      "told",
                                      new JsonArray(to.stream().map(Recipient::post).toList())),
                              step.at(),
                              clock))
                  .compose(
                      x ->
                          c.preparedQuery(
                                  "update case_clock set next_step = $2, next_fire_at = $3,"
                                      + " breached = breached or $4 where id = $1")
                              .execute(
                                  Tuple.of(
                                      id,
                                      index + 1,
                                      nextAt == null ? null : sql(nextAt),
                                      step.kind() != ClockStep.Kind.REMINDER)))
                  .mapEmpty();
            });
  }

  /**
   * The step's posts on this case: its live referrals' agencies, its district's OSC and officials.
   */
  private static Future<List<Recipient>> recipients(
      SqlConnection c, String caseId, String district, List<String> posts) {
    return c.preparedQuery(
            "select a.*, exists (select 1 from referral r where r.case_id = $1 and r.agency_id ="
                + " a.id and r.state in ('SENT', 'ACCEPTED')) as live, a.id = (select"
                + " c.incident->'hospital'->>'id' from survivor_case c where c.id = $1) as rescue"
                + " from agency a where a.id in (select agency_id from referral where case_id ="
                + " $1) or (a.kind = 'OSC' and a.district = $2) or a.id = (select"
                + " c.incident->'hospital'->>'id' from survivor_case c where c.id = $1) order by"
                + " a.id")
        .execute(Tuple.of(caseId, district))
        .map(
            rows -> {
              List<Agency> live = new ArrayList<>();
              List<Agency> oscs = new ArrayList<>();
              Agency rescueHospital = null;
              for (Row r : rows) {
                Agency a = CaseRows.agency(r);
                if (a.kind() == org.oscar.alert.cases.model.AgencyKind.OSC) {
                  oscs.add(a);
                } else if (r.getBoolean("live")) {
                  live.add(a);
                }
                if (Boolean.TRUE.equals(r.getBoolean("rescue"))) {
                  rescueHospital = a;
                }
              }
              return ClockPosts.resolve(posts, district, live, rescueHospital, oscs);
            });
  }

  // --- seen ---

  /**
   * A district's board: its running clocks overdue or due by {@code until}, soonest first, with the
   * agencies live on each case.
   */
  public Future<List<JsonObject>> board(String district, Instant until, int limit) {
    return pool.preparedQuery(
            "select k.id, k.case_id, k.clock, k.title, k.source, k.part, k.started_at, k.due_at,"
                + " k.due_at < now() as overdue, (select array_agg(r.agency_id order by r.agency_id) from referral"
                + " r where r.case_id = k.case_id and r.state in ('SENT', 'ACCEPTED')) as agencies"
                + " from case_clock k where k.state = 'RUNNING' and k.district = $1 and k.due_at <="
                + " $2 order by k.due_at limit $3")
        .execute(Tuple.of(district, sql(until), limit))
        .map(
            rows -> {
              List<JsonObject> out = new ArrayList<>();
              for (Row r : rows) {
                ClockDefinition def = policy.clock(r.getString("clock")).orElse(null);
                String[] agencies = r.getArrayOfStrings("agencies");
                out.add(
                    new JsonObject()
                        .put("caseId", r.getString("case_id"))
                        .put("clock", r.getString("clock"))
                        .put("title", r.getString("title"))
                        .put("source", r.getString("source"))
                        .put("part", r.getString("part"))
                        .put("dueAt", instant(r, "due_at").toString())
                        .put("overdue", r.getBoolean("overdue"))
                        .put(
                            "responsible",
                            new JsonArray(def == null ? List.of() : def.ladder().get(0).posts()))
                        .put(
                            "agencies",
                            new JsonArray(agencies == null ? List.of() : List.of(agencies))));
              }
              return out;
            });
  }

  static ClockRow row(Row r) {
    return new ClockRow(
        r.getLong("id"),
        r.getString("clock"),
        r.getString("title"),
        r.getString("source"),
        r.getString("part"),
        r.getString("state"),
        instant(r, "started_at"),
        instant(r, "due_at"),
        r.getBoolean("breached"),
        instant(r, "ended_at"),
        r.getString("ended_by"));
  }

  private static JsonObject clockData(String clock, String part) {
    return new JsonObject().put("clock", clock).put("part", part);
  }
}
