// OSCAR cases: an OSC's case list and case page, and an agency's referral inbox. Every form keeps
// what was typed until the API has recorded it, and resends with the same requestId, so a lost
// answer neither loses her edit nor records it twice.
"use strict";

const $ = (id) => document.getElementById(id);
const session = JSON.parse(sessionStorage.getItem("oscar.session") || "null");
if (!session) location.href = "index.html";
const osc = session && (session.role === "OSC_ADMIN" || session.role === "CASE_WORKER");
const view = { forms: null, agencies: [], current: null, pending: new Map() };

async function call(path, options = {}) {
  const res = await fetch(path, {
    ...options,
    headers: { "Authorization": "Bearer " + session.token, "Content-Type": "application/json" },
  });
  if (res.status === 401) { logout(); throw new Error("logged out"); }
  const body = await res.json().catch(() => ({}));
  return { status: res.status, body };
}

// A submission's requestId lives until it is acknowledged: a retry of the same edit reuses it.
function requestIdFor(form) {
  if (!view.pending.has(form)) view.pending.set(form, crypto.randomUUID());
  return view.pending.get(form);
}

function say(text, bad) {
  $("case-status").textContent = text;
  $("case-status").className = bad ? "conflict" : "";
}

function logout() { sessionStorage.removeItem("oscar.session"); location.href = "index.html"; }
$("logout").addEventListener("click", logout);

function option(select, value, label) {
  const o = document.createElement("option"); o.value = value; o.textContent = label || value; select.appendChild(o);
}

async function start() {
  $("who").textContent = session.username + " · " + session.district + " · " + session.role + (session.agency ? " · " + session.agency : "") + (session.post ? " · " + session.post : "");
  // An official reads the cases escalated to their post; records nothing.
  if (session.role === "OFFICIAL") $("record").hidden = true;
  for (const el of document.querySelectorAll(".osc-only")) el.hidden = !osc;
  view.forms = (await call("/api/v1/case-forms")).body;
  view.agencies = ((await call("/api/v1/agencies")).body.agencies) || [];
  for (const s of view.forms.states) { option($("filter-state"), s); option($("state-to"), s); }
  for (const t of view.forms.types) { option($("filter-type"), t); option($("open-type"), t); }
  for (const a of view.forms.ageBands) option($("open-age"), a);
  for (const r of view.forms.closureReasons) option($("state-reason"), r);
  for (const p of view.forms.parts) {
    for (const box of ["consent-parts", "refer-shares"]) {
      const l = document.createElement("label");
      l.innerHTML = `<input type="checkbox" value="${p}"> ${p}`; $(box).appendChild(l);
    }
  }
  for (const a of view.agencies.filter((a) => a.kind !== "OSC")) {
    option($("refer-agency"), a.id, a.name); option($("consent-recipient"), a.id, a.name);
  }
  for (const k of view.forms.agencyKinds.filter((k) => k !== "OSC")) option($("consent-recipient"), k, "any " + k);
  const mine = view.forms.events.filter((e) => osc || e.part === partOfMyAgency());
  for (const e of mine) option($("event-type"), e.type, e.part + ": " + e.type);
  drawFields();
  if (session.role === "AGENCY") { $("inbox-section").hidden = false; await loadInbox(); }
  // The work first: the list and a linked case; then the board and the month's report.
  await loadList();
  await openLinked();
  window.addEventListener("hashchange", openLinked);
  if (osc) await loadBoard();
  // Reports: the Centre Administrator's and the District Magistrate's; the state official's, of every district.
  if (session.role === "OSC_ADMIN" || (session.role === "OFFICIAL" && (session.post === "DM:" + session.district || session.post.startsWith("STATE:")))) {
    $("report-section").hidden = false;
    for (const t of view.forms.types) option($("report-type"), t);
    $("report-month").value = new Date().toISOString().slice(0, 7);
    await loadReport();
  }
}

// A link to #/cases/<id> (from an alert, or pasted) opens that case.
async function openLinked() {
  const link = location.hash.match(/^#\/cases\/([A-Za-z0-9_-]+)$/);
  if (link && (!view.current || view.current.id !== link[1])) await openCase(link[1]);
}

// The part an agency works on, as the rules say (/api/v1/case-forms).
function partOfMyAgency() {
  const a = view.agencies.find((x) => x.id === session.agency);
  return a ? view.forms.agencyParts[a.kind] : null;
}

function drawFields() {
  const type = view.forms.events.find((e) => e.type === $("event-type").value);
  const box = $("event-fields"); box.innerHTML = "";
  for (const f of (type ? type.fields : [])) {
    const l = document.createElement("label"); l.textContent = f.name + (f.required ? " " : " (optional) ");
    let input;
    if (f.choices.length) { input = document.createElement("select"); for (const c of f.choices) option(input, c); }
    else { input = document.createElement("input"); input.type = f.kind === "FLAG" ? "checkbox" : f.kind === "DATE" ? "date" : "text"; input.maxLength = 200; }
    input.dataset.field = f.name; input.dataset.kind = f.kind; input.id = "field-" + f.name;
    l.appendChild(input); box.appendChild(l);
  }
}
$("event-type").addEventListener("change", () => { view.pending.delete($("event-form")); drawFields(); });

async function loadList() {
  const q = new URLSearchParams();
  if ($("filter-state").value) q.set("state", $("filter-state").value);
  if ($("filter-type").value) q.set("type", $("filter-type").value);
  const r = await call("/api/v1/cases?" + q);
  const list = $("cases"); list.innerHTML = "";
  for (const c of (r.body.cases || [])) {
    const li = document.createElement("li");
    li.dataset.id = c.id;
    li.textContent = `${c.id} · ${c.type} · ${c.state}${c.minor ? " · minor" : ""}${c.incidentState ? " · rescue " + c.incidentState : ""}`;
    li.addEventListener("click", () => openCase(c.id));
    list.appendChild(li);
  }
  $("case-count").textContent = (r.body.cases || []).length;
}
for (const id of ["filter-state", "filter-type"]) $(id).addEventListener("change", loadList);

// "due in 3 h 20 min" or "OVERDUE by 2 h 5 min", from seconds left.
function left(seconds) {
  const s = Math.abs(seconds), d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  const text = (d ? d + " d " : "") + (d || h ? h + " h " : "") + m + " min";
  return seconds >= 0 ? "due in " + text : "OVERDUE by " + text;
}

async function loadBoard() {
  const r = await call("/api/v1/clocks");
  const list = $("board"); list.innerHTML = "";
  // By who must act: the ladder's first posts, soonest first within each.
  const byWho = new Map();
  for (const k of (r.body.clocks || [])) {
    const who = k.responsible.join(", ");
    if (!byWho.has(who)) byWho.set(who, []);
    byWho.get(who).push(k);
  }
  for (const [who, clocks] of byWho) {
    const head = document.createElement("li"); head.className = "board-group"; head.textContent = who;
    list.appendChild(head);
    for (const k of clocks) {
      const li = document.createElement("li");
      const secondsLeft = Math.round((Date.parse(k.dueAt) - Date.now()) / 1000);
      li.className = secondsLeft < 0 ? "overdue" : "due-soon";
      li.textContent = `${k.caseId} · ${k.title} · ${left(secondsLeft)}${k.agencies.length ? " · " + k.agencies.join(", ") : ""}`;
      li.addEventListener("click", () => openCase(k.caseId));
      list.appendChild(li);
    }
  }
}

function reportQuery(format) {
  const type = $("report-type").value;
  return `/api/v1/reports/month?month=${$("report-month").value}&format=${format}${type ? "&type=" + type : ""}`;
}

async function loadReport() {
  const svg = await fetch(reportQuery("svg"), { headers: { Authorization: "Bearer " + session.token } });
  // The chart is the server's own SVG (numbers and clock names, escaped there).
  $("report-chart").innerHTML = svg.ok ? await svg.text() : "";
  const r = await call(reportQuery("json"));
  const list = $("report-figures"); list.innerHTML = "";
  if (r.status !== 200) { say(r.body.error || "no report", true); return; }
  const b = r.body, show = (v) => v === null || v === undefined ? "—" : v;
  const lines = [
    "Cases opened: " + Object.entries(b.opened).map(([t, n]) => t + " " + n).join(", "),
    `Press → first unit on scene: p50 ${show(b.pressToFirstUnitOnSceneSeconds.p50)} s, p90 ${show(b.pressToFirstUnitOnSceneSeconds.p90)} s (${b.pressToFirstUnitOnSceneSeconds.cases} cases)`,
    `Opened → medical examination: p50 ${show(b.openedToMedicalExaminationHours.p50)} h, p90 ${show(b.openedToMedicalExaminationHours.p90)} h`,
    `FIRs within 24 h: ${show(b.firWithin24h.percent)} % of ${b.firWithin24h.firs}`,
    `Shelter: ${b.shelter.stays} stays, ${show(b.shelter.daysUsed)} days used, ${b.shelter.stillIn} still in`,
    "Referrals: " + (b.referrals.map((x) => `${x.agencyKind} ${x.state} ${x.n}`).join(", ") || "none"),
    `Counts under ${b.suppressedBelow} are shown as <${b.suppressedBelow}.`,
  ];
  for (const t of lines) { const li = document.createElement("li"); li.textContent = t; list.appendChild(li); }
}

$("report-form").addEventListener("submit", async (e) => { e.preventDefault(); await loadReport(); });
$("report-csv").addEventListener("click", async () => {
  const r = await fetch(reportQuery("csv"), { headers: { Authorization: "Bearer " + session.token } });
  if (!r.ok) { say("no CSV: " + r.status, true); return; }
  const a = document.createElement("a");
  a.href = URL.createObjectURL(await r.blob());
  a.download = `oscar-report-${session.district}-${$("report-month").value}.csv`;
  a.click();
});

async function loadInbox() {
  const r = await call("/api/v1/referrals");
  const list = $("inbox"); list.innerHTML = "";
  for (const ref of (r.body.referrals || [])) {
    const li = document.createElement("li");
    li.textContent = `${ref.id} · ${ref.caseId} · ${ref.service} · ${ref.state}`;
    li.addEventListener("click", () => openCase(ref.caseId));
    list.appendChild(li);
  }
}

async function openCase(id) {
  const r = await call("/api/v1/cases/" + id);
  if (r.status !== 200) { $("case").hidden = false; $("case-title").textContent = id; say(r.body.error || "not yours to see", true); return; }
  draw(r.body);
  location.hash = "#/cases/" + id;
}

function draw(c) {
  view.current = c;
  $("case").hidden = false;
  $("case-title").textContent = c.id;
  $("case-summary").textContent = `${c.origin} · ${c.type} · ${c.state}${c.closureReason ? " (" + c.closureReason + ")" : ""} · survivor ${c.survivor.id}, ${c.survivor.ageBand}${c.survivor.minor ? ", minor: child-protection path" : ""} · version ${c.version}`;
  for (const li of document.querySelectorAll("#cases li")) li.classList.toggle("selected", li.dataset.id === c.id);
  const services = $("services"); services.innerHTML = "";
  for (const [part, values] of Object.entries(c.services || {})) {
    const dt = document.createElement("dt"); dt.textContent = part; services.appendChild(dt);
    const dd = document.createElement("dd");
    dd.textContent = Object.entries(values).filter(([k]) => k !== "lastAt").map(([k, v]) => k + ": " + v).join(" · ");
    services.appendChild(dd);
  }
  const refs = $("referrals"); refs.innerHTML = "";
  for (const ref of c.referrals) {
    const li = document.createElement("li");
    li.textContent = `${ref.id} → ${ref.agencyId} (${ref.service}) sharing [${ref.shares.join(", ")}] · ${ref.state}${ref.reason ? " · " + ref.reason : ""}${ref.override ? " · consent overridden" : ""} `;
    const steps = session.role === "AGENCY" && ref.agencyId === session.agency
      ? (ref.state === "SENT" ? ["accept", "reject"] : ref.state === "ACCEPTED" ? ["done"] : [])
      : osc && (ref.state === "SENT" || ref.state === "ACCEPTED") ? ["revoke"] : [];
    for (const step of steps) {
      const b = document.createElement("button"); b.type = "button"; b.textContent = step; b.id = `ref-${ref.id}-${step}`;
      b.addEventListener("click", () => stepReferral(ref, step));
      li.appendChild(b);
    }
    refs.appendChild(li);
  }
  const consents = $("consents"); consents.innerHTML = "";
  for (const k of (c.consents || [])) {
    const li = document.createElement("li");
    li.textContent = `${k.id}: [${k.parts.join(", ")}] with ${k.recipients.join(", ")}, given ${k.givenAt}, recorded by ${k.recordedBy}${k.withdrawnAt ? " · withdrawn " + k.withdrawnAt : " "}`;
    if (!k.withdrawnAt && osc) {
      const b = document.createElement("button"); b.type = "button"; b.textContent = "withdrawn";
      b.addEventListener("click", async () => {
        const r = await call(`/api/v1/cases/${c.id}/consents/${k.id}/withdraw`, { method: "POST", body: "{}" });
        if (r.status === 200) draw(r.body); else say(r.body.error, true);
      });
      li.appendChild(b);
    }
    consents.appendChild(li);
  }
  const clocks = $("clocks"); clocks.innerHTML = "";
  for (const k of (c.clocks || [])) {
    const li = document.createElement("li");
    const state = k.state === "RUNNING" ? left(k.secondsLeft) : `${k.state}${k.breached ? " (late)" : ""} ${k.endedAt ? "at " + k.endedAt.replace("T", " ").slice(0, 16) : ""}`;
    li.className = k.state === "RUNNING" && k.secondsLeft < 0 ? "overdue" : "";
    li.textContent = `${k.title} · ${state} · ${k.source}`;
    clocks.appendChild(li);
  }
  const who = $("identity");
  who.hidden = !c.identity;
  who.textContent = c.identity ? (c.identity.unavailable ? "Who she is: kept, but cannot be opened here." : `Who she is: ${c.identity.name}${c.identity.phone ? " · " + c.identity.phone : ""}${c.identity.address ? " · " + c.identity.address : ""}`) : "";
  const onConsent = $("identity-consent"); onConsent.innerHTML = "";
  for (const k of (c.consents || []).filter((k) => !k.withdrawnAt && k.parts.includes("IDENTITY"))) option(onConsent, k.id);
  const notices = $("notices"); notices.innerHTML = "";
  for (const n of (c.notices || [])) {
    const li = document.createElement("li");
    li.textContent = `${n.post}: ${n.cause} · ${n.receipts.map((r) => r.channel + " " + r.status).join(", ")}`;
    notices.appendChild(li);
  }
  const steps = [];
  for (const t of ((c.incident && c.incident.timeline) || [])) steps.push({ at: t.at, text: `rescue: ${t.what}${t.why ? " — " + t.why : ""} (${t.who})` });
  for (const e of c.events) steps.push({ at: Date.parse(e.happenedAt), text: `${e.part}: ${e.type} ${Object.entries(e.data || {}).filter(([, v]) => v !== null).map(([k, v]) => k + "=" + v).join(" ")} (by ${e.by}${e.agency ? ", " + e.agency : ""})` });
  steps.sort((a, b) => a.at - b.at);
  const tl = $("timeline"); tl.innerHTML = "";
  for (const s of steps) { const li = document.createElement("li"); li.textContent = new Date(s.at).toISOString().replace("T", " ").slice(0, 16) + " " + s.text; tl.appendChild(li); }
}

async function submit(form, path, body, method = "POST") {
  const r = await call(path, { method, body: JSON.stringify({ ...body, requestId: requestIdFor(form) }) });
  if (r.status === 201 || r.status === 200) {
    view.pending.delete(form);
    return r;
  }
  if (r.status === 409 && r.body.current) {
    draw(r.body.current);
    say("Someone changed this case meanwhile: it is shown as it is now, and your edit is still in the form. Check it and save again.", true);
  } else {
    say((r.body.error || ("failed: " + r.status)) + " — your entry is kept; try again.", true);
  }
  return null;
}

$("event-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const data = {};
  for (const input of $("event-fields").querySelectorAll("[data-field]")) {
    if (input.dataset.kind === "FLAG") data[input.dataset.field] = input.checked;
    else if (input.value !== "") data[input.dataset.field] = input.value;
  }
  const at = $("event-at").value;
  const body = { type: $("event-type").value, data };
  if (at) body.happenedAt = new Date(at).toISOString();
  const r = await submit(e.target, `/api/v1/cases/${view.current.id}/events`, body);
  if (r) { say(`Recorded ${body.type}.`); drawFields(); $("event-at").value = ""; await openCase(view.current.id); }
});

$("consent-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const parts = [...$("consent-parts").querySelectorAll("input:checked")].map((i) => i.value);
  const r = await submit(e.target, `/api/v1/cases/${view.current.id}/consents`, { parts, recipients: [$("consent-recipient").value] });
  if (r) { say("Her consent is recorded."); await openCase(view.current.id); }
});

$("identity-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = { name: $("identity-name").value, phone: $("identity-phone").value, address: $("identity-address").value, consentId: $("identity-consent").value };
  const r = await submit(e.target, `/api/v1/cases/${view.current.id}/identity`, body, "PUT");
  if (r) { say("Kept, encrypted."); for (const id of ["identity-name", "identity-phone", "identity-address"]) $(id).value = ""; await openCase(view.current.id); }
});

$("refer-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const shares = [...$("refer-shares").querySelectorAll("input:checked")].map((i) => i.value);
  const body = { agencyId: $("refer-agency").value, shares };
  if ($("refer-override").value.trim()) body.overrideReason = $("refer-override").value.trim();
  const r = await submit(e.target, `/api/v1/cases/${view.current.id}/referrals`, body);
  if (r) { say(`Referred: ${r.body.referralId}.`); $("refer-override").value = ""; await openCase(view.current.id); }
});

$("state-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = { version: view.current.version, state: $("state-to").value };
  if ($("state-reason").value) body.closureReason = $("state-reason").value;
  const r = await submit(e.target, `/api/v1/cases/${view.current.id}`, body, "PATCH");
  if (r) { draw(r.body); say("Saved."); await loadList(); }
});

$("open-case").addEventListener("submit", async (e) => {
  e.preventDefault();
  const r = await submit(e.target, "/api/v1/cases", { origin: $("open-origin").value, type: $("open-type").value, survivor: { ageBand: $("open-age").value } });
  if (r) { await loadList(); await openCase(r.body.caseId); }
});

async function stepReferral(ref, step) {
  const body = { version: ref.version };
  if (step === "reject") { const why = prompt("Why is it rejected?"); if (!why) return; body.reason = why; }
  const r = await call(`/api/v1/referrals/${ref.id}/${step}`, { method: "POST", body: JSON.stringify(body) });
  if (r.status === 200) { say(`Referral ${ref.id}: ${r.body.state}.`); await openCase(ref.caseId); if (session.role === "AGENCY") await loadInbox(); }
  else say(r.body.error, true);
}

if (session) start();
