package org.oscar.alert.cases.store;

import static org.oscar.alert.cases.store.CaseRows.sql;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oscar.alert.cases.model.CaseType;
import org.oscar.alert.cases.report.MonthReport;

/**
 * A district's month from the register, as aggregates only (counts, percentiles): the queries never
 * return a case. Months are India's (IST). Cases count in the month they were opened, clocks in the
 * month they started, referrals in the month they were sent.
 */
public final class CaseReports {
  private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
  private static final String CASES =
      " from survivor_case c where %DISTRICT% and c.opened_at >= $2 and c.opened_at < $3"
          + " and ($4::text is null or c.case_type = $4)";

  private final Pool pool;

  public CaseReports(Pool pool) {
    this.pool = pool;
  }

  /**
   * @param district the district, or null for the whole state (every district's cases, as the
   *     state's official sees them)
   * @param label what the report is of, as it is shown
   */
  public Future<MonthReport> month(String district, String label, YearMonth month, CaseType type) {
    boolean state = district == null;
    Instant from = month.atDay(1).atStartOfDay(INDIA).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(INDIA).toInstant();
    Tuple args = Tuple.of(district, sql(from), sql(to), type == null ? null : type.name());
    Future<RowSet<Row>> opened =
        query("select c.case_type, count(*) as n" + CASES + " group by c.case_type", args, state);
    Future<RowSet<Row>> onScene =
        query(
            spread(
                "((select min((t->>'at')::bigint) from jsonb_array_elements(c.incident->'timeline')"
                    + " t where t->>'what' = 'ARRIVED') - c.incident_opened_at) / 1000.0"),
            args,
            state);
    Future<RowSet<Row>> examination = query(spread(hoursTo("EXAMINATION_STARTED")), args, state);
    Future<RowSet<Row>> fir =
        query(
            "select count(h) as firs, count(*) filter (where h <= 24) as within from (select "
                + hoursTo("FIR_REGISTERED")
                + " as h"
                + CASES
                + ") x",
            args,
            state);
    String clocksOfMonth =
        " from case_clock k where %KDISTRICT% and k.started_at >= $2 and k.started_at < $3"
            + " and ($4::text is null or exists (select 1 from survivor_case c where c.id ="
            + " k.case_id and c.case_type = $4))";
    Future<RowSet<Row>> clocks =
        query(
            "select k.clock, count(*) filter (where k.state = 'MET' and not k.breached) as met,"
                + " count(*) filter (where k.state = 'MET' and k.breached) as late, count(*)"
                + " filter (where k.state = 'CLOSED') as closed, count(*) filter (where k.state ="
                + " 'RUNNING' and k.due_at < now()) as overdue, count(*) filter (where k.state ="
                + " 'RUNNING' and k.due_at >= now()) as running"
                + clocksOfMonth
                + " group by k.clock order by k.clock",
            args,
            state);
    Future<RowSet<Row>> shelter =
        query(
            "select count(*) as stays, coalesce(sum(ceil(extract(epoch from"
                + " (coalesce(k.ended_at, now()) - k.started_at)) / 86400.0)), 0)::bigint as days,"
                + " count(*) filter (where k.state = 'RUNNING') as still_in"
                + clocksOfMonth
                + " and k.clock = 'OSC_SHELTER'",
            args,
            state);
    Future<RowSet<Row>> referrals =
        query(
            "select a.kind, r.state, count(*) as n from referral r join agency a on a.id ="
                + " r.agency_id join survivor_case c on c.id = r.case_id where %DISTRICT%"
                + " and r.created_at >= $2 and r.created_at < $3 and ($4::text is null or"
                + " c.case_type = $4) group by a.kind, r.state order by a.kind, r.state",
            args, state);
    return Future.all(List.of(opened, onScene, examination, fir, clocks, shelter, referrals))
        .map(
            all -> {
              Map<String, Long> byType = new LinkedHashMap<>();
              for (CaseType t : CaseType.values()) {
                if (type == null || t == type) {
                  byType.put(t.name(), 0L);
                }
              }
              opened.result().forEach(r -> byType.put(r.getString("case_type"), r.getLong("n")));
              List<MonthReport.ClockCounts> clockCounts = new ArrayList<>();
              clocks
                  .result()
                  .forEach(
                      r ->
                          clockCounts.add(
                              new MonthReport.ClockCounts(
                                  r.getString("clock"),
                                  r.getLong("met"),
                                  r.getLong("late"),
                                  r.getLong("closed"),
                                  r.getLong("overdue"),
                                  r.getLong("running"))));
              List<MonthReport.ReferralCount> referralCounts = new ArrayList<>();
              referrals
                  .result()
                  .forEach(
                      r ->
                          referralCounts.add(
                              new MonthReport.ReferralCount(
                                  r.getString("kind"), r.getString("state"), r.getLong("n"))));
              Row f = fir.result().iterator().next();
              Row s = shelter.result().iterator().next();
              return new MonthReport(
                  label,
                  month.toString(),
                  type == null ? null : type.name(),
                  byType,
                  spreadOf(onScene.result()),
                  spreadOf(examination.result()),
                  f.getLong("firs"),
                  f.getLong("within"),
                  clockCounts,
                  s.getLong("stays"),
                  s.getLong("days"),
                  s.getLong("still_in"),
                  referralCounts);
            });
  }

  /**
   * Each query walks its district's index; the state's reads them all. {@code $1} is referenced
   * either way, so that the parameters are the same.
   */
  private Future<RowSet<Row>> query(String sql, Tuple args, boolean state) {
    String byDistrict = state ? "($1::text is null)" : "%s.district = $1";
    String out =
        sql.replace("%DISTRICT%", String.format(byDistrict, "c"))
            .replace("%KDISTRICT%", String.format(byDistrict, "k"));
    return pool.preparedQuery(out).execute(args);
  }

  /** Hours from the case's opening to the first event of {@code type} on it (null: none). */
  private static String hoursTo(String type) {
    return "extract(epoch from (select min(e.happened_at) from case_event e where e.case_id = c.id"
        + " and e.type = '"
        + type
        + "') - c.opened_at) / 3600.0";
  }

  /** How many cases have {@code measure}, and its median and 90th percentile. */
  private static String spread(String measure) {
    return "select count(v) as n, percentile_cont(0.5) within group (order by v) as p50,"
        + " percentile_cont(0.9) within group (order by v) as p90 from (select "
        + measure
        + " as v"
        + CASES
        + ") x where v is not null";
  }

  private static MonthReport.Spread spreadOf(RowSet<Row> rows) {
    Row r = rows.iterator().next();
    return new MonthReport.Spread(r.getLong("n"), r.getDouble("p50"), r.getDouble("p90"));
  }
}
