package org.oscar.alert.cases.http;

import static org.oscar.alert.cases.http.CaseRequests.body;
import static org.oscar.alert.cases.http.CaseRequests.enumValue;
import static org.oscar.alert.cases.http.CaseRequests.requestId;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oscar.alert.cases.CaseProblem;
import org.oscar.alert.cases.access.CaseAccess;
import org.oscar.alert.cases.access.CaseViews;
import org.oscar.alert.cases.access.ReferralGrant;
import org.oscar.alert.cases.access.Visibility;
import org.oscar.alert.cases.model.AgeBand;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.AgencyKind;
import org.oscar.alert.cases.model.CaseOrigin;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.CaseState;
import org.oscar.alert.cases.model.CaseType;
import org.oscar.alert.cases.model.ClosureReason;
import org.oscar.alert.cases.model.Identity;
import org.oscar.alert.cases.model.ReferralState;
import org.oscar.alert.cases.model.UserRole;
import org.oscar.alert.cases.privacy.IdentityCipher;
import org.oscar.alert.cases.store.Actor;
import org.oscar.alert.cases.store.CaseChange;
import org.oscar.alert.cases.store.CaseFile;
import org.oscar.alert.cases.store.CaseQuery;
import org.oscar.alert.cases.store.CaseStore;
import org.oscar.alert.cases.store.ConsentRow;
import org.oscar.alert.cases.store.IncidentIntake;
import org.oscar.alert.cases.store.NewCase;
import org.oscar.alert.cases.store.Once;
import org.oscar.alert.cases.store.SealedIdentity;
import org.oscar.alert.cases.workflow.CaseWorkflow;
import org.oscar.alert.cases.workflow.ReferralWorkflow;
import org.oscar.alert.cases.workflow.ServiceEventType;
import org.oscar.alert.cases.workflow.SharingRules;
import org.oscar.alert.http.ApiResponses;
import org.oscar.alert.http.auth.ApiAuth;
import org.oscar.alert.http.auth.Principal;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case register's HTTP face (docs/cases.md): thin handlers over {@link CaseStore}, with {@link
 * CaseAccess} deciding who sees and does what. Every read and write is audited before it is
 * answered. Non-blocking throughout: the store's client is reactive. Logs name cases and users,
 * never what a case holds.
 */
public final class CaseRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(CaseRoutes.class);
  private static final int MAX_LIST = 200;
  public static final String INTAKE_PATH = "/api/v1/cases/intake";

  private final CaseStore store;
  private final MeterRegistry meters;
  private final IdentityCipher identities;
  private volatile boolean ready;

  /** {@code identities}: her identity's key; null where none is configured (nothing is kept). */
  public CaseRoutes(CaseStore store, MeterRegistry meters, IdentityCipher identities) {
    this.store = store;
    this.meters = meters;
    this.identities = identities;
  }

  /** The schema is up to date and the agencies are in: the routes serve from now on. */
  public void ready() {
    ready = true;
  }

  public void mount(Router router) {
    for (String path :
        List.of(
            "/api/v1/cases*",
            "/api/v1/referrals*",
            "/api/v1/agencies",
            "/api/v1/case-forms",
            "/api/v1/clocks",
            "/api/v1/reports/*")) {
      router
          .route(path)
          .handler(
              ctx -> {
                if (ready) {
                  ctx.next();
                } else {
                  respond(
                      ctx, 503, new JsonObject().put("error", "case register starting; try again"));
                }
              });
    }
    router.post(INTAKE_PATH).handler(ApiAuth.serviceOnly()).handler(this::intake);
    router.get("/api/v1/cases").handler(this::list);
    router.post("/api/v1/cases").handler(this::open);
    router.get("/api/v1/cases/:id").handler(this::read);
    router.patch("/api/v1/cases/:id").handler(this::change);
    router.post("/api/v1/cases/:id/events").handler(this::record);
    router.post("/api/v1/cases/:id/consents").handler(this::consent);
    router.post("/api/v1/cases/:id/consents/:consent/withdraw").handler(this::withdraw);
    router.post("/api/v1/cases/:id/referrals").handler(this::refer);
    router.put("/api/v1/cases/:id/identity").handler(this::identity);
    router.get("/api/v1/cases/:id/audit").handler(this::auditTrail);
    router.get("/api/v1/referrals").handler(this::inbox);
    router.post("/api/v1/referrals/:id/:step").handler(this::step);
    router.get("/api/v1/agencies").handler(this::agencies);
    router.get("/api/v1/clocks").handler(this::board);
    router.get("/api/v1/reports/month").handler(this::report);
    router.get("/api/v1/case-forms").handler(this::forms);
  }

  /** What the case pages' forms offer, from the rules themselves (no second copy in the page). */
  private void forms(RoutingContext ctx) {
    JsonArray events = new JsonArray();
    for (ServiceEventType t : ServiceEventType.values()) {
      JsonArray fields = new JsonArray();
      t.fields()
          .forEach(
              f ->
                  fields.add(
                      new JsonObject()
                          .put("name", f.name())
                          .put("kind", f.kind().name())
                          .put("required", f.required())
                          .put("choices", new JsonArray(f.choices()))));
      events.add(
          new JsonObject()
              .put("type", t.name())
              .put("part", t.part().name())
              .put("fields", fields));
    }
    respond(
        ctx,
        200,
        new JsonObject()
            .put("events", events)
            .put("states", names(CaseState.values()))
            .put("types", names(CaseType.values()))
            .put("closureReasons", names(ClosureReason.values()))
            .put("parts", names(CasePart.values()))
            .put("ageBands", names(AgeBand.values()))
            .put("agencyKinds", names(AgencyKind.values()))
            .put("agencyParts", agencyParts()));
  }

  /** The part each kind of agency works on (the OSC: none). */
  private static JsonObject agencyParts() {
    JsonObject parts = new JsonObject();
    for (AgencyKind k : AgencyKind.values()) {
      if (k.part() != null) {
        parts.put(k.name(), k.part().name());
      }
    }
    return parts;
  }

  private static JsonArray names(Enum<?>[] values) {
    JsonArray a = new JsonArray();
    for (Enum<?> v : values) {
      a.add(v.name());
    }
    return a;
  }

  /** The stream job's incident: opens its case or brings the rescue's record up to date. */
  private void intake(RoutingContext ctx) {
    IncidentView view;
    try {
      view = Json.fromString(ctx.body().asString(), IncidentView.class);
    } catch (RuntimeException e) {
      failed(ctx, CaseProblem.invalid("body", "is not an incident"));
      return;
    }
    if (!IncidentView.isValidId(view.incidentId())
        || view.openedAt() <= 0
        || view.region() == null) {
      failed(ctx, CaseProblem.invalid("incidentId", "missing or malformed"));
      return;
    }
    answer(
        ctx,
        store
            .intake(IncidentIntake.of(view))
            .map(
                id ->
                    new JsonObject().put("caseId", id.orElse(null)).put("updated", id.isPresent())),
        200);
  }

  private void list(RoutingContext ctx) {
    Principal p = ApiAuth.principal(ctx);
    Actor actor = actor(ctx);
    Future<JsonObject> result =
        Future.<Void>succeededFuture()
            .compose(
                x -> {
                  if (p.role() == UserRole.CONTROL_ROOM) {
                    throw CaseProblem.forbidden("cases are for OSC staff, agencies and officials");
                  }
                  var q = ctx.queryParams();
                  int limit = limit(q.get("limit"));
                  CaseQuery query =
                      new CaseQuery(
                          p.district(),
                          p.regions(),
                          p.role() == UserRole.AGENCY ? p.agency() : null,
                          p.role() == UserRole.OFFICIAL ? p.post() : null,
                          CaseRequests.enumOf("state", q.get("state"), CaseState.class, false),
                          CaseRequests.enumOf("type", q.get("type"), CaseType.class, false),
                          q.get("agency") == null
                              ? null
                              : CaseRequests.id("agency", q.get("agency")),
                          q.get("incident") == null
                              ? null
                              : CaseRequests.id("incident", q.get("incident")),
                          CaseRequests.overdue(q.get("overdue")),
                          limit);
                  if (p.role() == UserRole.AGENCY && p.agency() == null) {
                    throw CaseProblem.forbidden("this login names no agency");
                  }
                  if (p.role() == UserRole.OFFICIAL && p.post() == null) {
                    throw CaseProblem.forbidden("this login names no post");
                  }
                  if (!p.role().isOscStaff()
                      && (q.get("agency") != null || q.get("incident") != null)) {
                    throw CaseProblem.invalid(
                        q.get("agency") != null ? "agency" : "incident",
                        "only OSC staff filter by agency or incident; filter by state and type");
                  }
                  return store.list(query);
                })
            .compose(
                rows ->
                    store
                        .audit(actor, "LIST", null, rows.size() + " cases " + ctx.request().query())
                        .map(new JsonObject().put("cases", new JsonArray(forRole(p, rows)))));
    answer(ctx, result, 200);
  }

  private void open(RoutingContext ctx) {
    Principal p = ApiAuth.principal(ctx);
    Future<JsonObject> result =
        Future.<Void>succeededFuture()
            .compose(
                x -> {
                  oscStaffOnly(p);
                  JsonObject b = body(ctx);
                  CaseOrigin origin = enumValue(b, "origin", CaseOrigin.class, true);
                  if (origin == CaseOrigin.PANIC_PRESS) {
                    throw CaseProblem.invalid("origin", "a press's case is opened by its incident");
                  }
                  CaseType type = enumValue(b, "type", CaseType.class, false);
                  JsonObject survivor = CaseRequests.object(b, "survivor");
                  AgeBand band =
                      survivor == null
                          ? AgeBand.UNKNOWN
                          : Optional.ofNullable(
                                  enumValue(survivor, "survivor.ageBand", AgeBand.class, false))
                              .orElse(AgeBand.UNKNOWN);
                  Boolean minorGiven =
                      survivor == null ? null : CaseRequests.flag(survivor, "survivor.minor");
                  boolean minor = CaseWorkflow.minorOf(band, minorGiven);
                  return store.open(
                      actor(ctx),
                      requestId(b),
                      new NewCase(
                          origin, type == null ? CaseType.OTHER : type, p.district(), band, minor));
                })
            .map(once -> created(once, "caseId"));
    answer(ctx, result, 201);
  }

  private void read(RoutingContext ctx) {
    Actor actor = actor(ctx);
    answer(
        ctx,
        withCase(ctx)
            .compose(
                seen ->
                    store
                        .audit(
                            actor, "READ", seen.file().id(), "parts " + seen.visibility().parts())
                        .compose(x -> fullView(seen))),
        200);
  }

  /**
   * The case as seen: with who she is where the user may see it and her consent for keeping it
   * stands, and for the OSC who was told what on it and whether it arrived.
   */
  private Future<JsonObject> fullView(Seen seen) {
    JsonObject view = CaseViews.render(seen.file(), seen.visibility());
    SealedIdentity sealed = seen.file().identity();
    if (sealed != null
        && identities != null
        && seen.visibility().sees(CasePart.IDENTITY)
        && CaseViews.consentStands(seen.file(), sealed.consentId())
        && (seen.visibility().osc() || consentNamesIdentityFor(seen))) {
      try {
        view.put("identity", identities.open(sealed.cipher(), seen.file().survivorId()).json());
      } catch (IllegalStateException e) {
        LOG.warn("identity on {} does not open with this server's key", seen.file().id());
        view.put("identity", new JsonObject().put("unavailable", true));
      }
    }
    if (!seen.visibility().osc()) {
      return Future.succeededFuture(view);
    }
    return store.notices().of(seen.file().id()).map(n -> view.put("notices", n));
  }

  /**
   * An agency learns who she is only on a standing consent of hers naming IDENTITY and the agency:
   * never on an override, whatever its referral shares.
   */
  private static boolean consentNamesIdentityFor(Seen seen) {
    return seen.agency() != null
        && seen.file().consents().stream()
            .map(ConsentRow::consent)
            .anyMatch(k -> k.covers(seen.agency(), Set.of(CasePart.IDENTITY)));
  }

  /** Her name, phone and address, kept sealed on her consent: OSC staff only. */
  private void identity(RoutingContext ctx) {
    Future<JsonObject> result =
        withOscCase(ctx)
            .compose(
                seen -> {
                  JsonObject b = body(ctx);
                  Identity given = Identity.from(b);
                  String consentId = CaseRequests.id("consentId", b.getValue("consentId"));
                  if (identities == null) {
                    throw CaseProblem.unavailable(
                        "her identity cannot be kept here: no key is configured"
                            + " (OSCAR_IDENTITY_KEY_FILE)");
                  }
                  return store.recordIdentity(
                      actor(ctx),
                      seen.file().id(),
                      consentId,
                      survivorId -> identities.seal(given, survivorId));
                })
            .compose(x -> afterEdit(ctx));
    answer(ctx, result, 200);
  }

  private void change(RoutingContext ctx) {
    Future<JsonObject> result =
        withOscCase(ctx)
            .compose(
                seen -> {
                  JsonObject b = body(ctx);
                  JsonObject survivor = CaseRequests.object(b, "survivor");
                  CaseChange change =
                      new CaseChange(
                          CaseRequests.version(b),
                          enumValue(b, "state", CaseState.class, false),
                          enumValue(b, "closureReason", ClosureReason.class, false),
                          enumValue(b, "type", CaseType.class, false),
                          survivor == null
                              ? null
                              : enumValue(survivor, "survivor.ageBand", AgeBand.class, false),
                          survivor == null ? null : CaseRequests.flag(survivor, "survivor.minor"));
                  return store.change(actor(ctx), seen.file().id(), change);
                })
            .compose(x -> afterEdit(ctx));
    answer(ctx, result, 200);
  }

  private void record(RoutingContext ctx) {
    Future<JsonObject> result =
        withCase(ctx)
            .compose(
                seen -> {
                  JsonObject b = body(ctx);
                  ServiceEventType type = enumValue(b, "type", ServiceEventType.class, true);
                  if (!CaseAccess.mayRecord(
                      seen.visibility(), type.part(), seen.agency(), seen.grants())) {
                    throw CaseProblem.forbidden(
                        "you may not record " + type.part() + " events on " + seen.file().id());
                  }
                  JsonObject dataIn = CaseRequests.object(b, "data");
                  Map<String, Object> data =
                      type.check(dataIn == null ? Map.of() : dataIn.getMap());
                  Instant happened = CaseRequests.instant(b, "happenedAt", Instant.now());
                  return store.record(
                      actor(ctx),
                      requestId(b),
                      seen.file().id(),
                      type,
                      new JsonObject(data),
                      happened);
                })
            .map(once -> created(once, "eventId"));
    answer(ctx, result, 201);
  }

  private void consent(RoutingContext ctx) {
    Future<JsonObject> result =
        withOscCase(ctx)
            .compose(
                seen -> {
                  JsonObject b = body(ctx);
                  Set<CasePart> parts = CaseRequests.enumSet(b, "parts", CasePart.class);
                  Set<String> recipients = CaseRequests.ids(b, "recipients");
                  Instant given = CaseRequests.instant(b, "givenAt", Instant.now());
                  String requestId = requestId(b);
                  return store
                      .agencies(seen.file().district())
                      .compose(
                          known -> {
                            for (String r : recipients) {
                              boolean kind =
                                  java.util.Arrays.stream(AgencyKind.values())
                                      .anyMatch(k -> k.name().equals(r));
                              if (!kind && known.stream().noneMatch(a -> a.id().equals(r))) {
                                throw CaseProblem.invalid(
                                    "recipients",
                                    "no agency " + r + " in " + seen.file().district());
                              }
                            }
                            return store.consent(
                                actor(ctx),
                                requestId,
                                seen.file().id(),
                                parts,
                                recipients,
                                given == null ? Instant.now() : given);
                          });
                })
            .map(once -> created(once, "consentId"));
    answer(ctx, result, 201);
  }

  private void withdraw(RoutingContext ctx) {
    Future<JsonObject> result =
        withOscCase(ctx)
            .compose(
                seen -> {
                  return store.withdrawConsent(
                      actor(ctx),
                      seen.file().id(),
                      CaseRequests.id("consent", ctx.pathParam("consent")));
                })
            .compose(x -> afterEdit(ctx));
    answer(ctx, result, 200);
  }

  private void refer(RoutingContext ctx) {
    Principal p = ApiAuth.principal(ctx);
    Future<JsonObject> result =
        withOscCase(ctx)
            .compose(
                seen -> {
                  JsonObject b = body(ctx);
                  String agencyId = CaseRequests.id("agencyId", b.getValue("agencyId"));
                  Set<CasePart> shares = CaseRequests.enumSet(b, "shares", CasePart.class);
                  String override = CaseRequests.text(b, "overrideReason", 200);
                  String requestId = requestId(b);
                  return store
                      .agency(agencyId)
                      .compose(
                          found -> {
                            Agency agency =
                                found.orElseThrow(
                                    () -> CaseProblem.invalid("agencyId", "no agency " + agencyId));
                            String district = seen.file().district();
                            if (!agency.district().equals(district)) {
                              throw CaseProblem.invalid(
                                  "agencyId",
                                  agencyId
                                      + " serves "
                                      + agency.district()
                                      + ", the case is in "
                                      + district);
                            }
                            SharingRules.Basis basis =
                                SharingRules.basisFor(
                                    agency,
                                    shares,
                                    seen.file().consents().stream()
                                        .map(ConsentRow::consent)
                                        .toList(),
                                    p.role(),
                                    override);
                            return store
                                .refer(
                                    actor(ctx), requestId, seen.file().id(), agency, shares, basis)
                                .map(
                                    once -> {
                                      if (once.fresh() && basis.overrideReason() != null) {
                                        meters.counter("oscar.cases.consent.overrides").increment();
                                        LOG.warn(
                                            "consent overridden by {} for referral {} of {}",
                                            p.name(),
                                            once.value(),
                                            seen.file().id());
                                      }
                                      return once;
                                    });
                          });
                })
            .map(once -> created(once, "referralId"));
    answer(ctx, result, 201);
  }

  private void auditTrail(RoutingContext ctx) {
    Principal p = ApiAuth.principal(ctx);
    Actor actor = actor(ctx);
    Future<JsonObject> result =
        withCase(ctx)
            .compose(
                seen -> {
                  if (p.role() != UserRole.OSC_ADMIN) {
                    throw CaseProblem.forbidden("the audit trail is the Centre Administrator's");
                  }
                  return store
                      .audit(actor, "READ AUDIT", seen.file().id(), null)
                      .compose(x -> store.auditTrail(seen.file().id()));
                })
            .map(rows -> new JsonObject().put("audit", new JsonArray(rows)));
    answer(ctx, result, 200);
  }

  private void inbox(RoutingContext ctx) {
    Principal p = ApiAuth.principal(ctx);
    Actor actor = actor(ctx);
    Future<JsonObject> result =
        Future.<Void>succeededFuture()
            .compose(
                x -> {
                  if (p.role() != UserRole.AGENCY || p.agency() == null) {
                    throw CaseProblem.forbidden("the referral inbox is an agency's");
                  }
                  return store.referralsTo(
                      p.agency(), limit(ctx.queryParam("limit").stream().findFirst().orElse(null)));
                })
            .compose(
                rows ->
                    store
                        .audit(actor, "INBOX", null, rows.size() + " referrals")
                        .map(
                            new JsonObject()
                                .put(
                                    "referrals",
                                    new JsonArray(
                                        rows.stream().map(CaseViews::referral).toList()))));
    answer(ctx, result, 200);
  }

  private void step(RoutingContext ctx) {
    Principal p = ApiAuth.principal(ctx);
    Future<JsonObject> result =
        Future.<Void>succeededFuture()
            .compose(
                x -> {
                  ReferralState to =
                      switch (ctx.pathParam("step")) {
                        case "accept" -> ReferralState.ACCEPTED;
                        case "reject" -> ReferralState.REJECTED;
                        case "done" -> ReferralState.DONE;
                        case "revoke" -> ReferralState.REVOKED;
                        default ->
                            throw CaseProblem.notFound(
                                "no such step: accept, reject, done or revoke");
                      };
                  String referralId = CaseRequests.id("referral", ctx.pathParam("id"));
                  JsonObject b = body(ctx);
                  int version = CaseRequests.version(b);
                  String reason = CaseRequests.text(b, "reason", 200);
                  return store
                      .referral(referralId)
                      .compose(
                          found -> {
                            var r =
                                found.orElseThrow(
                                    () -> CaseProblem.notFound("no referral " + referralId));
                            return store
                                .load(r.caseId())
                                .compose(
                                    file -> {
                                      ReferralWorkflow.Side side =
                                          sideOf(p, r.agencyId(), file.orElseThrow());
                                      return store.step(
                                          actor(ctx), referralId, version, to, side, reason);
                                    });
                          });
                })
            .map(CaseViews::referral);
    answer(ctx, result, 200);
  }

  private void agencies(RoutingContext ctx) {
    Principal p = ApiAuth.principal(ctx);
    Future<JsonObject> result =
        Future.<Void>succeededFuture()
            .compose(
                x -> {
                  if (!p.role().isOscStaff() && p.role() != UserRole.AGENCY) {
                    throw CaseProblem.forbidden("agencies are listed for OSC staff and agencies");
                  }
                  return store.agencies(p.district());
                })
            .map(
                list ->
                    new JsonObject()
                        .put(
                            "agencies",
                            new JsonArray(
                                list.stream()
                                    .map(
                                        a ->
                                            new JsonObject()
                                                .put("id", a.id())
                                                .put("kind", a.kind().name())
                                                .put("name", a.name()))
                                    .toList())));
    answer(ctx, result, 200);
  }

  // --- helpers ---

  /**
   * A list row as the user may see it: an agency is not told where else she was referred, nor
   * anything of the rescue (whose id carries her device's).
   */
  private static List<JsonObject> forRole(Principal p, List<JsonObject> rows) {
    if (p.role().isOscStaff()) {
      return rows;
    }
    return rows.stream()
        .map(
            r -> {
              JsonObject copy = r.copy();
              copy.remove("referredTo");
              copy.remove("incidentId");
              copy.remove("incidentState");
              return copy;
            })
        .toList();
  }

  /** A case as this user may see it, with what decided that. */
  private record Seen(
      CaseFile file, Visibility visibility, Agency agency, List<ReferralGrant> grants) {}

  private Future<Seen> withCase(RoutingContext ctx) {
    Principal p = ApiAuth.principal(ctx);
    String caseId;
    try {
      caseId = CaseRequests.id("case", ctx.pathParam("id"));
    } catch (CaseProblem e) {
      return Future.failedFuture(e);
    }
    Future<Optional<Agency>> agency =
        p.role() == UserRole.AGENCY
            ? store.agency(p.agency())
            : Future.succeededFuture(Optional.empty());
    return agency.compose(
        a ->
            store
                .load(caseId)
                .compose(
                    found -> {
                      CaseFile f =
                          found.orElseThrow(() -> CaseProblem.notFound("no case " + caseId));
                      List<ReferralGrant> grants = CaseViews.grants(f);
                      Visibility v =
                          CaseAccess.of(
                              p, f.district(), f.region(), a.orElse(null), grants, f.escalatedTo());
                      if (v.any()) {
                        return Future.succeededFuture(new Seen(f, v, a.orElse(null), grants));
                      }
                      return Future.<Seen>failedFuture(
                          CaseProblem.forbidden("case " + caseId + " is not yours to see"));
                    }));
  }

  /** A case of the user's district for OSC staff to work on; 403 for anyone else. */
  private Future<Seen> withOscCase(RoutingContext ctx) {
    return withCase(ctx)
        .map(
            seen -> {
              oscStaffOnly(ApiAuth.principal(ctx));
              return seen;
            });
  }

  /** The case as it is now, for the answer to an edit (audited as the edit). */
  private Future<JsonObject> current(RoutingContext ctx) {
    return withCase(ctx).compose(this::fullView);
  }

  /**
   * The answer to an edit that has been committed: the case as it is now, or, if reading it back
   * fails, that it was recorded (never a 503 that would make the user think it was not).
   */
  private Future<JsonObject> afterEdit(RoutingContext ctx) {
    return current(ctx)
        .recover(
            e ->
                Future.succeededFuture(
                    new JsonObject()
                        .put("recorded", true)
                        .put("note", "recorded; reload the case to see it")));
  }

  private static ReferralWorkflow.Side sideOf(Principal p, String agencyId, CaseFile f) {
    if (p.role() == UserRole.AGENCY
        && agencyId.equals(p.agency())
        && CaseAccess.inDistrict(p, f.district(), f.region())) {
      return ReferralWorkflow.Side.AGENCY;
    }
    if (p.role().isOscStaff() && CaseAccess.inDistrict(p, f.district(), f.region())) {
      return ReferralWorkflow.Side.OSC;
    }
    throw CaseProblem.forbidden("referral " + agencyId + " is not yours to act on");
  }

  private static void oscStaffOnly(Principal p) {
    if (!p.role().isOscStaff()) {
      throw CaseProblem.forbidden("only OSC staff may do this");
    }
  }

  /**
   * The district's board for OSC staff: running legal clocks overdue or due within {@code within}
   * (ISO-8601, default a day), soonest first.
   */
  private void board(RoutingContext ctx) {
    Principal p = ApiAuth.principal(ctx);
    Actor actor = actor(ctx);
    Future<JsonObject> result =
        Future.<Void>succeededFuture()
            .compose(
                x -> {
                  oscStaffOnly(p);
                  java.time.Duration within = CaseRequests.within(ctx.queryParams().get("within"));
                  return store
                      .clocks()
                      .board(
                          p.district(),
                          Instant.now().plus(within),
                          limit(ctx.queryParams().get("limit")));
                })
            .compose(
                rows ->
                    store
                        .audit(actor, "BOARD", null, rows.size() + " clocks")
                        .map(new JsonObject().put("clocks", new JsonArray(rows))));
    answer(ctx, result, 200);
  }

  /**
   * A district's month in counts only ({@code month=YYYY-MM}, default this one; {@code type};
   * {@code format=json|csv|svg}): for its Centre Administrator and its District Magistrate; the
   * state's official ({@code STATE:<state>}) has the whole state's.
   */
  private void report(RoutingContext ctx) {
    Principal p = ApiAuth.principal(ctx);
    var q = ctx.queryParams();
    String format = q.get("format") == null ? "json" : q.get("format");
    Future<org.oscar.alert.cases.report.MonthReport> result =
        Future.<Void>succeededFuture()
            .compose(
                x -> {
                  boolean dm =
                      p.role() == UserRole.OFFICIAL && ("DM:" + p.district()).equals(p.post());
                  boolean state =
                      p.role() == UserRole.OFFICIAL
                          && org.oscar.alert.cases.access.OfficialPosts.isState(p.post());
                  if (p.role() != UserRole.OSC_ADMIN && !dm && !state) {
                    throw CaseProblem.forbidden(
                        "reports are for the Centre Administrator, the District Magistrate and"
                            + " the state's official");
                  }
                  if (!List.of("json", "csv", "svg").contains(format)) {
                    throw CaseProblem.invalid("format", "must be json, csv or svg");
                  }
                  java.time.YearMonth month = CaseRequests.month(q.get("month"));
                  CaseType type = CaseRequests.enumOf("type", q.get("type"), CaseType.class, false);
                  return store
                      .reports()
                      .month(
                          state ? null : p.district(),
                          state ? p.district() + " (state)" : p.district(),
                          month,
                          type)
                      .compose(
                          r ->
                              store.audit(actor(ctx), "REPORT", null, month + " " + format).map(r));
                });
    if (format.equals("json")) {
      answer(ctx, result.map(org.oscar.alert.cases.report.MonthReport::json), 200);
      return;
    }
    result
        .onSuccess(
            r -> {
              boolean csv = format.equals("csv");
              ctx.response()
                  .putHeader(
                      "Content-Type",
                      csv ? "text/csv; charset=utf-8" : "image/svg+xml; charset=utf-8")
                  .putHeader("Cache-Control", "no-store")
                  .end(csv ? r.csv() : org.oscar.alert.cases.report.ReportChart.clocks(r));
            })
        .onFailure(e -> failed(ctx, e));
  }

  private static int limit(String given) {
    if (given == null) {
      return 50;
    }
    try {
      int n = Integer.parseInt(given);
      if (n >= 1 && n <= MAX_LIST) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw CaseProblem.invalid("limit", "must be 1 to " + MAX_LIST);
  }

  private static JsonObject created(Once<String> once, String key) {
    return new JsonObject().put(key, once.value()).put("recorded", once.fresh());
  }

  private Actor actor(RoutingContext ctx) {
    Principal p = ApiAuth.principal(ctx);
    var remote = ctx.request().remoteAddress();
    return new Actor(
        p.name(), p.agency(), remote == null ? null : remote.hostAddress(), p.role().isOscStaff());
  }

  private void answer(RoutingContext ctx, Future<JsonObject> result, int okStatus) {
    result
        .onSuccess(
            body -> {
              int status = okStatus == 201 && !body.getBoolean("recorded", true) ? 200 : okStatus;
              respond(ctx, status, body);
            })
        .onFailure(e -> failed(ctx, e));
  }

  private void failed(RoutingContext ctx, Throwable e) {
    if (e instanceof CaseProblem p) {
      meters.counter("oscar.cases.refused", "status", String.valueOf(p.status())).increment();
      JsonObject body = new JsonObject().put("error", p.getMessage());
      if (p.field() != null) {
        body.put("field", p.field());
      }
      String caseId =
          ctx.request().path().startsWith("/api/v1/cases/") ? ctx.pathParam("id") : null;
      if (p.status() == 403) {
        // A refused look or act is on the record too: who tried what on whose case.
        String action =
            ctx.request().method() == io.vertx.core.http.HttpMethod.GET
                ? "READ DENIED"
                : "WRITE DENIED";
        store
            .audit(actor(ctx), action, caseId, ctx.request().path())
            .onComplete(x -> respond(ctx, 403, body));
        return;
      }
      if (p.status() == 409) {
        Future<JsonObject> now =
            p.current() instanceof org.oscar.alert.cases.store.ReferralRow r
                ? Future.succeededFuture(CaseViews.referral(r))
                : current(ctx)
                    .compose(
                        c -> store.audit(actor(ctx), "READ", caseId, "after a conflict").map(c));
        now.onComplete(
            c -> respond(ctx, 409, body.put("current", c.succeeded() ? c.result() : null)));
        return;
      }
      respond(ctx, p.status(), body);
      return;
    }
    LOG.warn("case register unavailable: {}", e.toString());
    meters.counter("oscar.cases.refused", "status", "503").increment();
    respond(ctx, 503, new JsonObject().put("error", "case register unavailable; try again"));
  }

  private static void respond(RoutingContext ctx, int status, JsonObject body) {
    if (!ctx.response().ended()) {
      ApiResponses.json(ctx, status, body);
    }
  }
}
