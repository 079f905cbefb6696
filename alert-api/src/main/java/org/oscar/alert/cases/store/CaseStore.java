package org.oscar.alert.cases.store;

import static org.oscar.alert.cases.store.CaseRows.sql;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.oscar.alert.cases.CaseProblem;
import org.oscar.alert.cases.clock.ClockPolicy;
import org.oscar.alert.cases.model.AgeBand;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.CaseOrigin;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.CaseState;
import org.oscar.alert.cases.model.CaseType;
import org.oscar.alert.cases.model.ClosureReason;
import org.oscar.alert.cases.model.ReferralState;
import org.oscar.alert.cases.workflow.CaseWorkflow;
import org.oscar.alert.cases.workflow.ReferralWorkflow;
import org.oscar.alert.cases.workflow.ServiceEventType;
import org.oscar.alert.cases.workflow.SharingRules;

/**
 * The case register on PostgreSQL. Every write is one transaction with its audit entry: once a
 * future succeeds, the write is committed (durable, synchronous commit), and a write that fails
 * leaves nothing behind. Creates take a {@code requestId}: a retry by the same user answers with
 * what the first created and records nothing. Non-blocking: every call returns a future.
 */
public final class CaseStore implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CASE_COLUMNS =
      "c.id, c.origin, c.district, c.region, c.case_type, c.state, c.closure_reason,"
          + " c.survivor_id, c.age_band, c.minor, c.opened_at, c.updated_at, c.version,"
          + " c.incident_id, c.incident";

  private final Pool pool;
  private final CaseNotices notices;
  private final CaseClocks clocks;

  /**
   * {@code notices}: the outbox the store's changes queue their notices in; {@code clocks}: the
   * legal clocks its events start and end.
   */
  public CaseStore(Pool pool, CaseNotices notices, CaseClocks clocks) {
    this.pool = pool;
    this.notices = notices;
    this.clocks = clocks;
  }

  public CaseClocks clocks() {
    return clocks;
  }

  /** A district's monthly figures, counts only. */
  public CaseReports reports() {
    return new CaseReports(pool);
  }

  public CaseNotices notices() {
    return notices;
  }

  // --- the rescue's incidents ---

  /**
   * Opens the incident's case, or brings its rescue record up to date: exactly one case per
   * incident however often the job sends it, and an older view (a resend after a restore) never
   * replaces a newer one.
   *
   * @return the case id, empty when the view was older than the one stored
   */
  public Future<Optional<String>> intake(IncidentIntake in) {
    return pool.withTransaction(
        c ->
            c.preparedQuery(
                    "insert into survivor (id, device_id) values ($1, $2)"
                        + " on conflict (device_id) do nothing")
                .execute(Tuple.of(pseudonym("SV"), in.deviceId()))
                .compose(
                    r ->
                        c.preparedQuery(
                                "insert into survivor_case (id, origin, incident_id,"
                                    + " incident_opened_at, incident, incident_steps, district,"
                                    + " region, state, survivor_id) values ('CASE-' ||"
                                    + " nextval('case_number'), $8, $1, $2, $3, $4, $5,"
                                    + " $6, 'RESCUE', (select id from survivor where device_id ="
                                    + " $7)) on conflict (incident_id, incident_opened_at) do"
                                    + " update set incident = excluded.incident, incident_steps ="
                                    + " excluded.incident_steps, updated_at = now() where"
                                    + " survivor_case.incident_steps <= excluded.incident_steps"
                                    + " returning id, (xmax = 0) as inserted")
                            .execute(
                                Tuple.tuple()
                                    .addString(in.incidentId())
                                    .addLong(in.openedAt())
                                    .addValue(in.record())
                                    .addInteger(in.steps())
                                    .addString(in.district())
                                    .addString(in.region())
                                    .addString(in.deviceId())
                                    .addString(in.origin().name())))
                .compose(
                    rows -> {
                      Optional<Row> row = first(rows);
                      if (row.isEmpty()) {
                        return Future.succeededFuture(Optional.<String>empty());
                      }
                      String id = row.get().getString("id");
                      Future<Void> escalated = escalate(c, id, in.escalatedTo(), "RESCUE");
                      if (!row.get().getBoolean("inserted")) {
                        return escalated.map(Optional.of(id));
                      }
                      Actor job = new Actor("stream-job", null, null, false);
                      return escalated
                          .compose(
                              x ->
                                  event(
                                      c,
                                      id,
                                      "CASE",
                                      "OPENED",
                                      json("origin", in.origin()),
                                      null,
                                      job))
                          .compose(x -> audit(c, job, "OPEN", id, in.incidentId()))
                          .map(Optional.of(id));
                    }));
  }

  /**
   * Makes the case readable by the officials' posts it has been escalated to ({@code source}: the
   * rescue's alerts, or a legal clock). Kept once per post.
   */
  static Future<Void> escalate(SqlConnection c, String caseId, List<String> posts, String source) {
    if (posts.isEmpty()) {
      return Future.succeededFuture();
    }
    return c.preparedQuery(
            "insert into case_escalation (case_id, post, source) select $1, unnest($2::text[]), $3"
                + " on conflict do nothing")
        .execute(Tuple.of(caseId, posts.toArray(String[]::new), source))
        .mapEmpty();
  }

  // --- reading ---

  public Future<Optional<CaseFile>> load(String caseId) {
    return pool.withConnection(c -> loadWith(c, caseId));
  }

  private static Future<Optional<CaseFile>> loadWith(SqlClient c, String caseId) {
    Future<RowSet<Row>> head =
        c.preparedQuery(
                "select "
                    + CASE_COLUMNS
                    + ", (select array_agg(e.post order by e.post) from case_escalation e where"
                    + " e.case_id = c.id) as escalated_to, s.identity_cipher, s.identity_consent"
                    + " from survivor_case c join survivor s on"
                    + " s.id = c.survivor_id where c.id = $1")
            .execute(Tuple.of(caseId));
    return head.compose(
        rows -> {
          Optional<Row> row = first(rows);
          if (row.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
          }
          Future<List<CaseEventRow>> events =
              c.preparedQuery("select * from case_event where case_id = $1 order by id")
                  .execute(Tuple.of(caseId))
                  .map(rs -> map(rs, CaseRows::event));
          Future<List<ReferralRow>> referrals =
              c.preparedQuery("select * from referral where case_id = $1 order by created_at, id")
                  .execute(Tuple.of(caseId))
                  .map(rs -> map(rs, CaseRows::referral));
          Future<List<ConsentRow>> consents =
              c.preparedQuery("select * from consent where case_id = $1 order by recorded_at, id")
                  .execute(Tuple.of(caseId))
                  .map(rs -> map(rs, CaseRows::consent));
          Future<List<ClockRow>> clockRows =
              c.preparedQuery("select * from case_clock where case_id = $1 order by id")
                  .execute(Tuple.of(caseId))
                  .map(rs -> map(rs, CaseClocks::row));
          return Future.all(events, referrals, consents, clockRows)
              .map(
                  all ->
                      Optional.of(
                          caseFile(
                              row.get(),
                              events.result(),
                              referrals.result(),
                              consents.result(),
                              clockRows.result())));
        });
  }

  /** Case summaries for a list, newest first. */
  public Future<List<JsonObject>> list(CaseQuery q) {
    // Each of the two ways a case is the user's (its district; no district, one of their regions)
    // walks its own index newest first and stops at the limit; an OR of the two would scan.
    String filters =
        " and ($3::text is null or c.state = $3) and ($4::text is null or c.case_type = $4)"
            + " and ($5::text is null or exists (select 1 from referral r where r.case_id = c.id"
            + " and r.agency_id = $5))"
            + " and ($6::text is null or exists (select 1 from referral r where r.case_id = c.id"
            + " and r.agency_id = $6 and r.state in ('SENT', 'ACCEPTED')))"
            + " and ($7::text is null or c.incident_id = $7)"
            + " and ($9::text is null or exists (select 1 from case_escalation e where e.case_id ="
            + " c.id and e.post = $9))"
            + " and (not $10 or exists (select 1 from case_clock k where k.case_id = c.id and"
            + " k.state = 'RUNNING' and k.due_at < now()))"
            + " order by c.opened_at desc, c.id desc limit $8";
    String sql =
        "select c.id, c.origin, c.case_type, c.state, c.district, c.opened_at, c.updated_at,"
            + " c.version, c.incident_id, c.age_band, c.minor, c.incident->>'state' as"
            + " incident_state, (select array_agg(distinct r.agency_id) from referral r where"
            + " r.case_id = c.id and r.state in ('SENT', 'ACCEPTED')) as referred_to from"
            + " ((select c.* from survivor_case c where c.district = $1"
            + filters
            + ") union all (select c.* from survivor_case c where c.district is null and c.region ="
            + " any($2)"
            + filters
            + ")) c order by c.opened_at desc, c.id desc limit $8";
    return pool.preparedQuery(sql)
        .execute(
            Tuple.tuple()
                .addString(q.district())
                .addArrayOfString(q.regions().toArray(String[]::new))
                .addString(q.state() == null ? null : q.state().name())
                .addString(q.type() == null ? null : q.type().name())
                .addString(q.referredTo())
                .addString(q.onlyReferredTo())
                .addString(q.incidentId())
                .addInteger(q.limit())
                .addString(q.onlyEscalatedTo())
                .addBoolean(q.overdue()))
        .map(rs -> map(rs, CaseStore::summary));
  }

  // --- OSC writes ---

  /** Opens a case at the OSC (walk-in, 181 call, referral in): a new pseudonymous survivor. */
  public Future<Once<String>> open(Actor actor, String requestId, NewCase n) {
    return once(
        actor,
        requestId,
        "OPEN",
        c -> {
          String survivor = pseudonym("SV");
          return c.preparedQuery("insert into survivor (id) values ($1)")
              .execute(Tuple.of(survivor))
              .compose(
                  r ->
                      c.preparedQuery(
                              "insert into survivor_case (id, origin, district, case_type, state,"
                                  + " survivor_id, age_band, minor) values ('CASE-' ||"
                                  + " nextval('case_number'), $1, $2, $3, 'REGISTERED', $4, $5, $6)"
                                  + " returning id")
                          .execute(
                              Tuple.of(
                                  n.origin().name(),
                                  n.district(),
                                  n.type().name(),
                                  survivor,
                                  n.ageBand().name(),
                                  n.minor())))
              .map(rows -> rows.iterator().next().getString("id"))
              .compose(
                  id ->
                      event(c, id, "CASE", "OPENED", json("origin", n.origin()), null, actor)
                          .compose(
                              x ->
                                  n.minor() ? minorFlagged(c, id, actor) : Future.succeededFuture())
                          .compose(x -> audit(c, actor, "OPEN", id, n.origin().name()))
                          .map(id));
        });
  }

  /**
   * A user's edit, on the version they saw: 409 if the case has moved on since. Everything is
   * checked before anything is written, and the writes run one after another in the transaction.
   */
  public Future<Void> change(Actor actor, String caseId, CaseChange ch) {
    return pool.withTransaction(
        c ->
            c.preparedQuery(
                    "select state, version, age_band, minor from survivor_case where id = $1"
                        + " for update")
                .execute(Tuple.of(caseId))
                .compose(
                    rows -> {
                      Row row =
                          first(rows).orElseThrow(() -> CaseProblem.notFound("no case " + caseId));
                      if (row.getInteger("version") != ch.version()) {
                        throw CaseProblem.conflict(
                            "case " + caseId + " has changed since version " + ch.version(), null);
                      }
                      List<Function<SqlConnection, Future<?>>> steps =
                          planChange(caseId, ch, row, actor);
                      Future<?> done = Future.succeededFuture();
                      for (Function<SqlConnection, Future<?>> step : steps) {
                        done = done.compose(x -> step.apply(c));
                      }
                      return done.mapEmpty();
                    }));
  }

  /** The writes an edit makes, once it has been checked against the case as it is. */
  private List<Function<SqlConnection, Future<?>>> planChange(
      String caseId, CaseChange ch, Row row, Actor actor) {
    List<Function<SqlConnection, Future<?>>> steps = new ArrayList<>();
    CaseState from = CaseState.valueOf(row.getString("state"));
    if (ch.state() != null) {
      CaseWorkflow.checkTransition(from, ch.state(), ch.closureReason());
      JsonObject data = json("from", from).put("to", ch.state().name());
      if (ch.closureReason() != null) {
        data.put("closureReason", ch.closureReason().name());
      }
      steps.add(
          c ->
              c.preparedQuery(
                      "update survivor_case set state = $2, closure_reason = $3 where id = $1")
                  .execute(
                      Tuple.of(
                          caseId,
                          ch.state().name(),
                          ch.closureReason() == null ? null : ch.closureReason().name())));
      steps.add(c -> event(c, caseId, "CASE", "STATE_CHANGED", data, null, actor));
      if (ch.state() == CaseState.CLOSED) {
        steps.add(c -> clocks.caseClosed(c, caseId, actor));
      }
    } else if (ch.closureReason() != null) {
      throw CaseProblem.invalid("closureReason", "is given only with state CLOSED");
    }
    if (ch.type() != null) {
      steps.add(
          c ->
              c.preparedQuery("update survivor_case set case_type = $2 where id = $1")
                  .execute(Tuple.of(caseId, ch.type().name())));
      steps.add(c -> event(c, caseId, "CASE", "TYPE_SET", json("type", ch.type()), null, actor));
    }
    if (ch.ageBand() != null || ch.minor() != null) {
      AgeBand band =
          ch.ageBand() != null ? ch.ageBand() : AgeBand.valueOf(row.getString("age_band"));
      // A new band alone decides the flag; a flag alone is checked against the band kept.
      Boolean given =
          ch.minor() != null ? ch.minor() : ch.ageBand() == null ? row.getBoolean("minor") : null;
      boolean minor = CaseWorkflow.minorOf(band, given);
      steps.add(
          c ->
              c.preparedQuery("update survivor_case set age_band = $2, minor = $3 where id = $1")
                  .execute(Tuple.of(caseId, band.name(), minor)));
      steps.add(
          c ->
              event(
                  c,
                  caseId,
                  "CASE",
                  "SURVIVOR_SET",
                  json("ageBand", band).put("minor", minor),
                  null,
                  actor));
      if (minor && !row.getBoolean("minor")) {
        steps.add(c -> minorFlagged(c, caseId, actor));
      }
    }
    if (steps.isEmpty()) {
      throw CaseProblem.invalid("state", "nothing to change");
    }
    steps.add(
        c ->
            c.preparedQuery(
                    "update survivor_case set version = version + 1, updated_at = now() where id"
                        + " = $1")
                .execute(Tuple.of(caseId)));
    steps.add(c -> audit(c, actor, "CHANGE", caseId, "version " + ch.version()));
    return steps;
  }

  /** Records a service event (MLC, FIR, hearing, ...). */
  public Future<Once<String>> record(
      Actor actor,
      String requestId,
      String caseId,
      ServiceEventType type,
      JsonObject data,
      Instant happenedAt) {
    // One time for the event and the clocks it starts or ends: when given, else now.
    Instant at = happenedAt == null ? Instant.now() : happenedAt;
    return once(
        actor,
        requestId,
        "EVENT " + caseId,
        c ->
            touch(c, caseId)
                .compose(x -> event(c, caseId, type.part().name(), type.name(), data, at, actor))
                .compose(
                    id ->
                        loadWith(c, caseId)
                            .compose(
                                f ->
                                    notices
                                        .ofEvent(c, f.orElseThrow(), id, type, actor)
                                        .compose(
                                            x ->
                                                clocks.onEvent(
                                                    c,
                                                    f.get(),
                                                    Long.parseLong(id.substring(3)),
                                                    type.name(),
                                                    data,
                                                    at,
                                                    actor)))
                            .map(id))
                .compose(id -> audit(c, actor, "RECORD " + type, caseId, null).map(id)));
  }

  /** Records her consent to share parts of her case with the recipients. */
  public Future<Once<String>> consent(
      Actor actor,
      String requestId,
      String caseId,
      Set<CasePart> parts,
      Set<String> recipients,
      Instant givenAt) {
    return once(
        actor,
        requestId,
        "CONSENT " + caseId,
        c -> {
          String id = pseudonym("CON");
          return touch(c, caseId)
              .compose(
                  x ->
                      c.preparedQuery(
                              "insert into consent (id, case_id, parts, recipients, given_at,"
                                  + " recorded_by) values ($1, $2, $3, $4, $5, $6)")
                          .execute(
                              Tuple.of(
                                  id,
                                  caseId,
                                  sql(parts),
                                  recipients.stream().sorted().toArray(String[]::new),
                                  sql(givenAt),
                                  actor.name())))
              .compose(
                  x ->
                      event(
                          c,
                          caseId,
                          "CONSENT",
                          "CONSENT_RECORDED",
                          json("consentId", id),
                          givenAt,
                          actor))
              .compose(x -> audit(c, actor, "CONSENT", caseId, id))
              .map(id);
        });
  }

  /**
   * Keeps who she is, sealed by {@code seal} (given her survivor id), on a standing consent of hers
   * on this case that names IDENTITY. A later call replaces it; each is on the record.
   */
  public Future<Void> recordIdentity(
      Actor actor, String caseId, String consentId, Function<String, byte[]> seal) {
    return pool.withTransaction(
        c ->
            touch(c, caseId)
                .compose(
                    x ->
                        c.preparedQuery(
                                "select c.survivor_id from survivor_case c join consent k on"
                                    + " k.case_id = c.id where c.id = $1 and k.id = $2 and"
                                    + " k.withdrawn_at is null and 'IDENTITY' = any(k.parts)")
                            .execute(Tuple.of(caseId, consentId)))
                .compose(
                    rows -> {
                      String survivorId =
                          first(rows)
                              .map(r -> r.getString("survivor_id"))
                              .orElseThrow(
                                  () ->
                                      CaseProblem.invalid(
                                          "consentId",
                                          "no standing consent of hers on "
                                              + caseId
                                              + " names IDENTITY"));
                      return c.preparedQuery(
                              "update survivor set identity_cipher = $2, identity_consent = $3"
                                  + " where id = $1")
                          .execute(
                              Tuple.of(
                                  survivorId,
                                  io.vertx.core.buffer.Buffer.buffer(seal.apply(survivorId)),
                                  consentId));
                    })
                .compose(
                    x ->
                        event(
                            c,
                            caseId,
                            "CONSENT",
                            "IDENTITY_RECORDED",
                            json("consentId", consentId),
                            null,
                            actor))
                .compose(x -> audit(c, actor, "IDENTITY RECORDED", caseId, consentId)));
  }

  /**
   * She takes a consent back: what it allowed is no longer shared, and who she is, if kept on it,
   * is erased.
   */
  public Future<Void> withdrawConsent(Actor actor, String caseId, String consentId) {
    return pool.withTransaction(
        c ->
            c.preparedQuery(
                    "update consent set withdrawn_at = now(), withdrawn_by = $3 where id = $2 and"
                        + " case_id = $1 and withdrawn_at is null returning id")
                .execute(Tuple.of(caseId, consentId, actor.name()))
                .compose(
                    rows -> {
                      if (first(rows).isEmpty()) {
                        throw CaseProblem.notFound(
                            "no standing consent " + consentId + " on " + caseId);
                      }
                      return touch(c, caseId)
                          .compose(
                              x ->
                                  event(
                                      c,
                                      caseId,
                                      "CONSENT",
                                      "CONSENT_WITHDRAWN",
                                      json("consentId", consentId),
                                      null,
                                      actor))
                          .compose(x -> eraseIdentityKeptOn(c, actor, caseId, consentId))
                          .compose(x -> audit(c, actor, "WITHDRAW CONSENT", caseId, consentId));
                    }));
  }

  /** Refers the case to an agency on the basis {@link SharingRules} found. */
  public Future<Once<String>> refer(
      Actor actor,
      String requestId,
      String caseId,
      Agency agency,
      Set<CasePart> shares,
      SharingRules.Basis basis) {
    return once(
        actor,
        requestId,
        "REFER " + caseId,
        c ->
            touch(c, caseId)
                .compose(x -> consentStillStands(c, basis))
                .compose(
                    x ->
                        c.preparedQuery(
                                "insert into referral (id, case_id, agency_id, service, shares,"
                                    + " state, consent_id, override_reason, created_by) values"
                                    + " ('REF-' || nextval('referral_number'), $1, $2, $3, $4,"
                                    + " 'SENT', $5, $6, $7) returning id")
                            .execute(
                                Tuple.of(
                                    caseId,
                                    agency.id(),
                                    agency.kind().part().name(),
                                    sql(shares),
                                    basis.consentId(),
                                    basis.overrideReason(),
                                    actor.name())))
                .map(rows -> rows.iterator().next().getString("id"))
                .compose(
                    id ->
                        event(
                                c,
                                caseId,
                                "REFERRAL",
                                "REFERRED",
                                json("referralId", id)
                                    .put("agencyId", agency.id())
                                    .put("override", basis.overrideReason() != null),
                                null,
                                actor)
                            .compose(
                                x ->
                                    notices.ofReferral(
                                        c, caseId, id, agency.id(), ReferralState.SENT))
                            .compose(
                                x ->
                                    audit(
                                        c,
                                        actor,
                                        basis.overrideReason() == null ? "REFER" : "REFER OVERRIDE",
                                        caseId,
                                        id + " to " + agency.id()))
                            .map(id)));
  }

  public Future<Optional<ReferralRow>> referral(String referralId) {
    return pool.preparedQuery("select * from referral where id = $1")
        .execute(Tuple.of(referralId))
        .map(rows -> first(rows).map(CaseRows::referral));
  }

  /** A referral's step, on the version the user saw (409 if it has moved on). */
  public Future<ReferralRow> step(
      Actor actor,
      String referralId,
      int version,
      ReferralState to,
      ReferralWorkflow.Side side,
      String reason) {
    return pool.withTransaction(
        c ->
            c.preparedQuery("select * from referral where id = $1 for update")
                .execute(Tuple.of(referralId))
                .compose(
                    rows -> {
                      ReferralRow r =
                          first(rows)
                              .map(CaseRows::referral)
                              .orElseThrow(() -> CaseProblem.notFound("no referral " + referralId));
                      if (r.version() != version) {
                        throw CaseProblem.conflict(
                            "referral " + referralId + " has changed since version " + version, r);
                      }
                      ReferralWorkflow.checkStep(r.state(), to, side, reason);
                      return c.preparedQuery(
                              "update referral set state = $2, reason = coalesce($3, reason),"
                                  + " version = version + 1, updated_at = now() where id = $1"
                                  + " returning *")
                          .execute(Tuple.of(referralId, to.name(), reason))
                          .map(updated -> CaseRows.referral(updated.iterator().next()))
                          .compose(
                              updated ->
                                  touch(c, r.caseId())
                                      .compose(
                                          x ->
                                              event(
                                                  c,
                                                  r.caseId(),
                                                  "REFERRAL",
                                                  "REFERRAL_" + to.name(),
                                                  json("referralId", referralId)
                                                      .put("agencyId", r.agencyId())
                                                      .put("reason", reason),
                                                  null,
                                                  actor))
                                      .compose(
                                          x ->
                                              notices.ofReferral(
                                                  c, r.caseId(), referralId, r.agencyId(), to))
                                      .compose(
                                          x ->
                                              audit(
                                                  c,
                                                  actor,
                                                  "REFERRAL " + to.name(),
                                                  r.caseId(),
                                                  referralId))
                                      .map(updated));
                    }));
  }

  /** Referrals to an agency, newest first (its inbox). */
  public Future<List<ReferralRow>> referralsTo(String agencyId, int limit) {
    return pool.preparedQuery(
            "select * from referral where agency_id = $1 order by created_at desc, id desc limit $2")
        .execute(Tuple.of(agencyId, limit))
        .map(rs -> map(rs, CaseRows::referral));
  }

  // --- agencies ---

  public Future<Void> putAgencies(List<Agency> agencies) {
    if (agencies.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = new ArrayList<>();
    for (Agency a : agencies) {
      batch.add(Tuple.of(a.id(), a.kind().name(), a.district(), a.name(), a.post()));
    }
    return pool.preparedQuery(
            "insert into agency (id, kind, district, name, post) values ($1, $2, $3, $4, $5) on"
                + " conflict (id) do update set kind = excluded.kind, district = excluded.district,"
                + " name = excluded.name, post = excluded.post")
        .executeBatch(batch)
        .mapEmpty();
  }

  public Future<Optional<Agency>> agency(String id) {
    if (id == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return pool.preparedQuery("select * from agency where id = $1")
        .execute(Tuple.of(id))
        .map(rows -> first(rows).map(CaseRows::agency));
  }

  public Future<List<Agency>> agencies(String district) {
    return pool.preparedQuery("select * from agency where district = $1 order by kind, name")
        .execute(Tuple.of(district))
        .map(rs -> map(rs, CaseRows::agency));
  }

  // --- the audit trail ---

  /** Records a read. The read is served only once this succeeds. */
  public Future<Void> audit(Actor actor, String action, String caseId, String detail) {
    return audit(pool, actor, action, caseId, detail);
  }

  public Future<List<JsonObject>> auditTrail(String caseId) {
    return pool.preparedQuery(
            "select at, actor, agency, action, detail, remote from case_audit where case_id = $1"
                + " order by id")
        .execute(Tuple.of(caseId))
        .map(
            rs ->
                map(
                    rs,
                    r ->
                        new JsonObject()
                            .put("at", CaseRows.instant(r, "at").toString())
                            .put("actor", r.getString("actor"))
                            .put("agency", r.getString("agency"))
                            .put("action", r.getString("action"))
                            .put("detail", r.getString("detail"))
                            .put("remote", r.getString("remote"))));
  }

  @Override
  public void close() {
    pool.close();
  }

  // --- helpers ---

  /**
   * Runs a create once per (user, requestId), in one transaction: a retry finds the first one's
   * result, waits for it if it is still being written, and records nothing.
   */
  private Future<Once<String>> once(
      Actor actor, String requestId, String scope, Function<SqlConnection, Future<String>> work) {
    return pool.withTransaction(
        c ->
            c.preparedQuery(
                    "insert into request_once (actor, request_id, scope, result) values ($1, $2,"
                        + " $3, '') on conflict do nothing returning actor")
                .execute(Tuple.of(actor.name(), requestId, scope))
                .compose(
                    claimed -> {
                      if (first(claimed).isEmpty()) {
                        return c.preparedQuery(
                                "select scope, result from request_once where actor = $1 and"
                                    + " request_id = $2")
                            .execute(Tuple.of(actor.name(), requestId))
                            .map(
                                rows -> {
                                  Row first = rows.iterator().next();
                                  if (!scope.equals(first.getString("scope"))) {
                                    // A reused id must not pass for a write that never happened.
                                    throw CaseProblem.invalid(
                                        "requestId", "was already used for another request");
                                  }
                                  return new Once<>(first.getString("result"), false);
                                });
                      }
                      return work.apply(c)
                          .compose(
                              result ->
                                  c.preparedQuery(
                                          "update request_once set result = $3 where actor = $1"
                                              + " and request_id = $2")
                                      .execute(Tuple.of(actor.name(), requestId, result))
                                      .map(new Once<>(result, true)));
                    }));
  }

  /**
   * A referral on a consent rests on it as it stands when the referral is written (the case row is
   * locked by then): one withdrawn a moment before is no basis.
   */
  private static Future<Void> consentStillStands(SqlConnection c, SharingRules.Basis basis) {
    if (basis.consentId() == null) {
      return Future.succeededFuture();
    }
    return c.preparedQuery("select 1 from consent where id = $1 and withdrawn_at is null")
        .execute(Tuple.of(basis.consentId()))
        .map(
            rows -> {
              if (first(rows).isEmpty()) {
                throw CaseProblem.conflict(
                    "her consent " + basis.consentId() + " was withdrawn", null);
              }
              return null;
            });
  }

  private static Future<Void> eraseIdentityKeptOn(
      SqlConnection c, Actor actor, String caseId, String consentId) {
    return c.preparedQuery(
            "update survivor set identity_cipher = null, identity_consent = null where"
                + " identity_consent = $1 returning id")
        .execute(Tuple.of(consentId))
        .compose(
            rows ->
                first(rows).isEmpty()
                    ? Future.succeededFuture()
                    : event(
                            c,
                            caseId,
                            "CONSENT",
                            "IDENTITY_ERASED",
                            json("consentId", consentId),
                            null,
                            actor)
                        .compose(x -> audit(c, actor, "IDENTITY ERASED", caseId, consentId)));
  }

  /**
   * The case turned out to be a child's: on the record, and the child-protection clocks start (the
   * Child Welfare Committee within 24 hours).
   */
  private Future<Void> minorFlagged(SqlConnection c, String caseId, Actor actor) {
    Instant now = Instant.now();
    return event(c, caseId, "CASE", ClockPolicy.MINOR_FLAGGED, new JsonObject(), now, actor)
        .compose(
            id ->
                loadWith(c, caseId)
                    .compose(
                        f ->
                            clocks.onEvent(
                                c,
                                f.orElseThrow(),
                                Long.parseLong(id.substring(3)),
                                ClockPolicy.MINOR_FLAGGED,
                                new JsonObject(),
                                now,
                                actor)));
  }

  /** Locks the case row for this transaction's change; 404 if there is none. */
  private static Future<Void> touch(SqlConnection c, String caseId) {
    return c.preparedQuery("update survivor_case set updated_at = now() where id = $1 returning id")
        .execute(Tuple.of(caseId))
        .map(
            rows -> {
              if (first(rows).isEmpty()) {
                throw CaseProblem.notFound("no case " + caseId);
              }
              return null;
            });
  }

  static Future<String> event(
      SqlConnection c,
      String caseId,
      String part,
      String type,
      JsonObject data,
      Instant happenedAt,
      Actor actor) {
    return c.preparedQuery(
            "insert into case_event (case_id, part, type, data, happened_at, actor, actor_agency)"
                + " values ($1, $2, $3, $4, coalesce($5, now()), $6, $7) returning id")
        .execute(
            Tuple.tuple()
                .addString(caseId)
                .addString(part)
                .addString(type)
                .addValue(data)
                .addValue(sql(happenedAt))
                .addString(actor.name())
                .addString(actor.agency()))
        .map(rows -> "EV-" + rows.iterator().next().getLong("id"));
  }

  private static Future<Void> audit(
      SqlClient c, Actor actor, String action, String caseId, String detail) {
    return c.preparedQuery(
            "insert into case_audit (actor, agency, action, case_id, detail, remote) values ($1,"
                + " $2, $3, $4, $5, $6)")
        .execute(Tuple.of(actor.name(), actor.agency(), action, caseId, detail, actor.remote()))
        .mapEmpty();
  }

  private static CaseFile caseFile(
      Row r,
      List<CaseEventRow> events,
      List<ReferralRow> referrals,
      List<ConsentRow> consents,
      List<ClockRow> clockRows) {
    Object incident = r.getValue("incident");
    String reason = r.getString("closure_reason");
    return new CaseFile(
        r.getString("id"),
        CaseOrigin.valueOf(r.getString("origin")),
        r.getString("district"),
        r.getString("region"),
        CaseType.valueOf(r.getString("case_type")),
        CaseState.valueOf(r.getString("state")),
        reason == null ? null : ClosureReason.valueOf(reason),
        r.getString("survivor_id"),
        AgeBand.valueOf(r.getString("age_band")),
        r.getBoolean("minor"),
        CaseRows.instant(r, "opened_at"),
        CaseRows.instant(r, "updated_at"),
        r.getInteger("version"),
        r.getString("incident_id"),
        incident instanceof JsonObject j ? j : null,
        events,
        referrals,
        consents,
        r.getArrayOfStrings("escalated_to") == null
            ? List.of()
            : List.of(r.getArrayOfStrings("escalated_to")),
        r.getBuffer("identity_cipher") == null
            ? null
            : new SealedIdentity(
                r.getBuffer("identity_cipher").getBytes(), r.getString("identity_consent")),
        clockRows);
  }

  private static JsonObject summary(Row r) {
    String[] referred = r.getArrayOfStrings("referred_to");
    return new JsonObject()
        .put("id", r.getString("id"))
        .put("origin", r.getString("origin"))
        .put("type", r.getString("case_type"))
        .put("state", r.getString("state"))
        .put("district", r.getString("district"))
        .put("openedAt", CaseRows.instant(r, "opened_at").toString())
        .put("updatedAt", CaseRows.instant(r, "updated_at").toString())
        .put("version", r.getInteger("version"))
        .put("ageBand", r.getString("age_band"))
        .put("minor", r.getBoolean("minor"))
        .put("incidentId", r.getString("incident_id"))
        .put("incidentState", r.getString("incident_state"))
        .put("referredTo", referred == null ? List.of() : List.of(referred));
  }

  private static JsonObject json(String key, Object value) {
    return new JsonObject().put(key, value instanceof Enum<?> e ? e.name() : value);
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> f) {
    List<T> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(f.apply(r));
    }
    return out;
  }

  private static String pseudonym(String prefix) {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return prefix + "-" + HexFormat.of().formatHex(b).toUpperCase(java.util.Locale.ROOT);
  }
}
