package org.oscar.alert.cases.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oscar.alert.cases.access.CaseViews;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.AgencyKind;
import org.oscar.alert.cases.model.ReferralState;
import org.oscar.alert.cases.notice.NoticeCause;
import org.oscar.alert.cases.notice.NoticeRecipients;
import org.oscar.alert.cases.notice.NoticeRecipients.Recipient;
import org.oscar.alert.cases.workflow.ServiceEventType;
import org.oscar.alert.notify.delivery.Delivery;
import org.oscar.alert.notify.delivery.DeliveryOutbox;
import org.oscar.alert.notify.delivery.DeliveryPlanner;
import org.oscar.contract.alert.DeliveryReceipt;
import org.oscar.contract.alert.DeliveryStatus;

/**
 * The case notices' outbox, in PostgreSQL beside the case. A notice is queued in the transaction of
 * the change it tells of, so it exists exactly when the change does: a change rolled back tells
 * nobody, a committed one is told however the process dies after. Its deliveries are sent by the
 * alert path's worker ({@code DeliveryWorker}) over the same channels, leased with {@code FOR
 * UPDATE SKIP LOCKED} so that several API instances never take the same one, and each keeps its
 * receipts. One notice per (case, cause, post): a retried change tells nobody twice.
 */
public final class CaseNotices implements DeliveryOutbox {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CaseNotices.class);

  /** Case notices' delivery ids start so; the alerts' are incident ids, which never do. */
  public static final String DELIVERY_PREFIX = "NOTICE-";

  private final Pool pool;
  private final DeliveryPlanner planner;
  private final String caseLinkPrefix;

  /** {@code caseLinkPrefix}: where a post opens a case, the case id appended. */
  public CaseNotices(Pool pool, DeliveryPlanner planner, String caseLinkPrefix) {
    this.pool = pool;
    this.planner = planner;
    this.caseLinkPrefix = caseLinkPrefix;
  }

  /** Tells those entitled of a service event on a case, inside the caller's transaction. */
  Future<Void> ofEvent(
      SqlConnection c, CaseFile f, String eventId, ServiceEventType type, Actor actor) {
    if (!NoticeRecipients.TOLD.contains(type)) {
      return Future.succeededFuture();
    }
    return agenciesOf(c, f.id(), null)
        .compose(
            agencies -> {
              Map<String, Agency> byId = new LinkedHashMap<>();
              agencies.forEach(a -> byId.put(a.id(), a));
              List<Agency> oscs = oscs(agencies);
              String by =
                  actor.agency() != null && byId.containsKey(actor.agency())
                      ? byId.get(actor.agency()).name()
                      : actor.oscStaff() ? "the OSC" : actor.name();
              return queue(
                  c,
                  f.id(),
                  NoticeCause.event(eventId, type, by),
                  NoticeRecipients.ofEvent(
                      type, oscs, byId, CaseViews.grants(f), actor.agency(), actor.oscStaff()));
            });
  }

  /** Tells of a referral's step (sent, accepted, ...), inside the caller's transaction. */
  Future<Void> ofReferral(
      SqlConnection c, String caseId, String referralId, String agencyId, ReferralState to) {
    return agenciesOf(c, caseId, agencyId)
        .compose(
            agencies -> {
              Agency agency =
                  agencies.stream().filter(a -> a.id().equals(agencyId)).findFirst().orElseThrow();
              return queue(
                  c,
                  caseId,
                  NoticeCause.referral(referralId, to, agency.name()),
                  NoticeRecipients.ofReferralStep(to, agency, oscs(agencies)));
            });
  }

  /**
   * The agencies a notice on the case may go to: the OSCs of its district, every agency its
   * referrals name, and {@code also}.
   */
  private static Future<List<Agency>> agenciesOf(SqlConnection c, String caseId, String also) {
    return c.preparedQuery(
            "select a.* from agency a where a.id = $2 or a.id in (select agency_id from referral"
                + " where case_id = $1) or (a.kind = 'OSC' and a.district = (select district from"
                + " survivor_case where id = $1)) order by a.id")
        .execute(Tuple.of(caseId, also))
        .map(
            rows -> {
              List<Agency> out = new ArrayList<>();
              rows.forEach(r -> out.add(CaseRows.agency(r)));
              return out;
            });
  }

  private static List<Agency> oscs(List<Agency> agencies) {
    return agencies.stream().filter(a -> a.kind() == AgencyKind.OSC).toList();
  }

  /** Queues one notice per recipient, inside the caller's transaction. */
  Future<Void> queue(SqlConnection c, String caseId, NoticeCause cause, List<Recipient> to) {
    Future<Void> chain = Future.succeededFuture();
    for (Recipient r : to) {
      chain = chain.compose(x -> queueOne(c, caseId, cause, r));
    }
    return chain;
  }

  private Future<Void> queueOne(SqlConnection c, String caseId, NoticeCause cause, Recipient r) {
    long now = System.currentTimeMillis();
    return c.preparedQuery(
            "insert into case_notice (case_id, cause, post, agency_id) values ($1, $2, $3, $4)"
                + " on conflict do nothing returning id")
        .execute(Tuple.of(caseId, cause.key(), r.post(), r.agencyId()))
        .compose(
            rows -> {
              if (!rows.iterator().hasNext()) {
                return Future.succeededFuture();
              }
              long noticeId = rows.iterator().next().getLong("id");
              DeliveryPlanner.Plan plan =
                  planner.plan(
                      new DeliveryPlanner.Message(
                          caseId,
                          r.post(),
                          cause.key(),
                          cause.subject(caseId),
                          cause.text(caseId, r.post(), caseLinkPrefix),
                          now),
                      channel -> DELIVERY_PREFIX + noticeId + ":" + channel);
              if (plan.deliveries().isEmpty()) {
                // On the case as a FAILED receipt; here so that operations see it too.
                LOG.warn("notice {} on {} reaches nobody at {}", cause.key(), caseId, r.post());
              }
              return insertDeliveries(c, noticeId, plan.deliveries())
                  .compose(x -> insertReceipts(c, noticeId, plan.receipts()));
            });
  }

  private static Future<Void> insertDeliveries(
      SqlConnection c, long noticeId, List<Delivery> deliveries) {
    if (deliveries.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = new ArrayList<>();
    for (Delivery d : deliveries) {
      batch.add(
          Tuple.of(d.deliveryId(), noticeId, d.channel(), d.subject(), d.text(), d.queuedAt()));
    }
    return c.preparedQuery(
            "insert into notice_delivery (id, notice_id, channel, subject, body, queued_at, due_at)"
                + " values ($1, $2, $3, $4, $5, $6, $6)")
        .executeBatch(batch)
        .mapEmpty();
  }

  private static Future<Void> insertReceipts(
      SqlConnection c, long noticeId, List<DeliveryReceipt> receipts) {
    if (receipts.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = new ArrayList<>();
    for (DeliveryReceipt r : receipts) {
      batch.add(receiptRow(noticeId, r));
    }
    return c.preparedQuery(
            "insert into notice_receipt (notice_id, delivery_id, channel, status, attempt, at,"
                + " detail) values ($1, $2, $3, $4, $5, $6, $7)")
        .executeBatch(batch)
        .mapEmpty();
  }

  private static Tuple receiptRow(long noticeId, DeliveryReceipt r) {
    return Tuple.of(
        noticeId, r.deliveryId(), r.channel(), r.status().name(), r.attempt(), r.at(), r.detail());
  }

  @Override
  public Future<List<Delivery>> claimDue(long now, long leaseUntil, int max) {
    return pool.preparedQuery(
            "update notice_delivery d set due_at = $2 from (select id from notice_delivery where"
                + " due_at <= $1 order by due_at limit $3 for update skip locked) due, case_notice"
                + " n where d.id = due.id and n.id = d.notice_id returning d.id, d.channel,"
                + " d.subject, d.body, d.attempt, d.queued_at, n.case_id, n.post, n.cause")
        .execute(Tuple.of(now, leaseUntil, max))
        .map(
            rows -> {
              List<Delivery> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new Delivery(
                        r.getString("id"),
                        r.getString("case_id"),
                        r.getString("post"),
                        r.getString("cause"),
                        r.getString("channel"),
                        r.getString("subject"),
                        r.getString("body"),
                        r.getInteger("attempt"),
                        r.getLong("queued_at")));
              }
              return out;
            });
  }

  @Override
  public Future<Void> settle(Delivery d, DeliveryReceipt receipt, Long nextAttemptAt) {
    return pool.withTransaction(
        c ->
            c.preparedQuery(
                    "update notice_delivery set attempt = $2, due_at = $3 where id = $1 returning"
                        + " notice_id")
                .execute(Tuple.of(d.deliveryId(), d.attempt(), nextAttemptAt))
                .compose(
                    rows -> {
                      if (!rows.iterator().hasNext()) {
                        return Future.succeededFuture();
                      }
                      long noticeId = rows.iterator().next().getLong("notice_id");
                      return c.preparedQuery(
                              "insert into notice_receipt (notice_id, delivery_id, channel,"
                                  + " status, attempt, at, detail) values ($1, $2, $3, $4, $5,"
                                  + " $6, $7)")
                          .execute(receiptRow(noticeId, receipt))
                          .mapEmpty();
                    }));
  }

  @Override
  public Future<Boolean> report(String deliveryId, DeliveryStatus status, long at, String detail) {
    return pool.preparedQuery(
            "insert into notice_receipt (notice_id, delivery_id, channel, status, attempt, at,"
                + " detail) select notice_id, id, channel, $2, attempt, $3, $4 from"
                + " notice_delivery where id = $1 returning id")
        .execute(Tuple.of(deliveryId, status.name(), at, detail))
        .map(rows -> rows.iterator().hasNext());
  }

  /**
   * A case's notices, each with its receipts oldest first (delivery reports last): who was told
   * what, and did it arrive.
   */
  public Future<JsonArray> of(String caseId) {
    return pool.preparedQuery(
            "select n.id, n.cause, n.post, n.agency_id, n.created_at, r.delivery_id, r.channel,"
                + " r.status, r.attempt, r.at, r.detail from case_notice n left join"
                + " notice_receipt r on r.notice_id = n.id where n.case_id = $1 order by n.id,"
                // The provider's delivery report comes over its own hook and can be recorded
                // before the worker's SENT: reports go after the notice's other receipts.
                + " (r.status = 'DELIVERED'), r.id")
        .execute(Tuple.of(caseId))
        .map(
            rows -> {
              Map<Long, JsonObject> byId = new LinkedHashMap<>();
              for (Row r : rows) {
                JsonObject n =
                    byId.computeIfAbsent(
                        r.getLong("id"),
                        id ->
                            new JsonObject()
                                .put("cause", r.getString("cause"))
                                .put("post", r.getString("post"))
                                .put("agencyId", r.getString("agency_id"))
                                .put("at", r.getOffsetDateTime("created_at").toInstant().toString())
                                .put("receipts", new JsonArray()));
                if (r.getString("delivery_id") != null) {
                  n.getJsonArray("receipts")
                      .add(
                          new JsonObject()
                              .put("channel", r.getString("channel"))
                              .put("status", r.getString("status"))
                              .put("attempt", r.getInteger("attempt"))
                              .put("at", java.time.Instant.ofEpochMilli(r.getLong("at")).toString())
                              .put("detail", r.getString("detail")));
                }
              }
              return new JsonArray(new ArrayList<>(byId.values()));
            });
  }
}
