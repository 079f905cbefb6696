// OSCAR control room: log in, draw the district's jurisdictions, then keep units and incidents
// live from the API's event stream. No external scripts or tiles: everything comes from the API.
"use strict";

const state = { token: null, user: null, units: new Map(), incidents: new Map(), unregistered: new Map(), selected: null, project: null };
const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";

async function api(path, options = {}) {
  const res = await fetch(path, {
    ...options,
    headers: { "Authorization": "Bearer " + state.token, "Content-Type": "application/json", ...(options.headers || {}) },
  });
  if (res.status === 401) { logout(); throw new Error("logged out"); }
  if (!res.ok) throw new Error(path + ": " + res.status);
  return res.json();
}

$("login-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  $("login-error").textContent = "";
  const res = await fetch("/login", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: $("username").value, password: $("password").value }),
  });
  if (!res.ok) { $("login-error").textContent = "Wrong user or password."; return; }
  const body = await res.json();
  sessionStorage.setItem("oscar.session", JSON.stringify(body));
  start(body);
});

$("logout").addEventListener("click", logout);

function logout() {
  sessionStorage.removeItem("oscar.session");
  location.reload();
}

async function start(session) {
  // OSC staff and agencies work cases, not the live map.
  if (session.role && session.role !== "CONTROL_ROOM") { location.href = "cases.html"; return; }
  state.token = session.token;
  state.user = session;
  $("login").hidden = true;
  $("room").hidden = false;
  $("who").textContent = session.username + " · " + session.district;
  await drawBasemap();
  await reload();
  follow();
  watchPipeline();
  // An official's alert links to #/incidents/<id>: open that case once logged in.
  const link = location.hash.match(/^#\/incidents\/([A-Za-z0-9_-]+)$/);
  if (link) showIncident(link[1]).catch(() => { $("op-status").textContent = "That case is not in your district."; });
}

async function drawBasemap() {
  const geo = await (await fetch("/geo/jurisdictions.geojson")).json();
  const rings = geo.features.flatMap((f) =>
    f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates);
  let minX = 180, minY = 90, maxX = -180, maxY = -90;
  for (const poly of rings) for (const [x, y] of poly[0]) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const k = Math.cos(((minY + maxY) / 2) * Math.PI / 180); // keeps east-west distances true
  const width = 1000, scale = width / ((maxX - minX) * k), height = (maxY - minY) * scale;
  state.project = ([lon, lat]) => [(lon - minX) * k * scale, (maxY - lat) * scale];
  state.unproject = (x, y) => [minX + x / (k * scale), maxY - y / scale];
  const map = $("map");
  map.setAttribute("viewBox", `-10 -10 ${width + 20} ${height + 20}`);
  map.innerHTML = "";
  for (const layer of ["jurisdictions", "routes", "incidents-layer", "units-layer", "pick-layer"]) {
    const g = document.createElementNS(SVG, "g"); g.id = layer; map.appendChild(g);
  }
  for (const f of geo.features) {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const d = polys.map((p) => "M" + p[0].map((c) => state.project(c).join(",")).join("L") + "Z").join("");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d); path.setAttribute("class", "jurisdiction");
    const title = document.createElementNS(SVG, "title"); title.textContent = f.properties.Name; path.appendChild(title);
    $("jurisdictions").appendChild(path);
    const [cx, cy] = centroid(polys[0][0].map(state.project));
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("x", cx); label.setAttribute("y", cy); label.setAttribute("class", "jurisdiction-label");
    label.textContent = f.properties.Name.replace(" Police Station", "");
    $("jurisdictions").appendChild(label);
  }
}

function centroid(points) {
  const n = points.length;
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
}

async function reload() {
  const [units, incidents, strangers] = await Promise.all([
    api("/api/v1/units"), api("/api/v1/incidents"), api("/api/v1/unregistered-emergencies")]);
  state.units = new Map(units.units.map((u) => [u.id, u]));
  state.incidents = new Map(incidents.incidents.map((i) => [i.incidentId, i]));
  state.unregistered = new Map(strangers.emergencies.map((e) => [e.imei, e]));
  render();
}

// The event stream, read with fetch so the token travels in a header, not in the URL.
async function follow() {
  for (;;) {
    try {
      const res = await fetch("/api/v1/stream", { headers: { "Authorization": "Bearer " + state.token } });
      if (res.status === 401) { logout(); return; }
      $("feed-state").textContent = "live";
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          handleEvent(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
        }
      }
    } catch (e) { /* reconnect below */ }
    $("feed-state").textContent = "reconnecting…";
    await new Promise((r) => setTimeout(r, 2000));
    await reload().catch(() => {});
  }
}

function handleEvent(block) {
  let type = null, data = null;
  for (const line of block.split("\n")) {
    if (line.startsWith("event: ")) type = line.slice(7);
    else if (line.startsWith("data: ")) data = JSON.parse(line.slice(6));
  }
  if (type === "unit") state.units.set(data.id, data);
  else if (type === "incident") {
    if (data.state === "CLOSED" || data.state === "CANCELLED") state.incidents.delete(data.incidentId);
    else state.incidents.set(data.incidentId, data);
    if (state.selected === data.incidentId) showIncident(data.incidentId);
  } else if (type === "unregistered") state.unregistered.set(data.imei, data);
  else if (type === "resync") { reload(); return; }
  else return;
  render();
}

function render() {
  const unitsLayer = $("units-layer"), incLayer = $("incidents-layer"), routes = $("routes");
  unitsLayer.innerHTML = ""; incLayer.innerHTML = ""; routes.innerHTML = "";
  const busy = new Set();
  for (const inc of state.incidents.values()) {
    // No place yet: it has no marker, only its alarm and its line in the list.
    if (inc.locationUnknown) continue;
    const [x, y] = state.project([inc.lon, inc.lat]);
    for (const a of inc.assignments || []) {
      busy.add(a.unitId);
      const u = state.units.get(a.unitId);
      if (u && u.lat) {
        const [ux, uy] = state.project([+u.lon, +u.lat]);
        const line = document.createElementNS(SVG, "line");
        line.setAttribute("x1", ux); line.setAttribute("y1", uy); line.setAttribute("x2", x); line.setAttribute("y2", y);
        line.setAttribute("class", "route"); routes.appendChild(line);
      }
    }
    const c = document.createElementNS(SVG, "circle");
    c.setAttribute("cx", x); c.setAttribute("cy", y); c.setAttribute("r", 9);
    c.setAttribute("class", "incident" + (inc.serious ? " serious" : ""));
    c.dataset.incident = inc.incidentId;
    c.addEventListener("click", () => showIncident(inc.incidentId));
    const t = document.createElementNS(SVG, "title"); t.textContent = inc.incidentId; c.appendChild(t);
    incLayer.appendChild(c);
  }
  for (const u of state.units.values()) {
    if (!u.lat) continue;
    const [x, y] = state.project([+u.lon, +u.lat]);
    const c = document.createElementNS(SVG, "circle");
    c.setAttribute("cx", x.toFixed(1)); c.setAttribute("cy", y.toFixed(1)); c.setAttribute("r", 6);
    c.setAttribute("class", `unit ${u.kind} ${busy.has(u.id) ? "busy" : ""} ${u.online === "false" ? "offline" : ""}`);
    c.dataset.unit = u.id;
    const t = document.createElementNS(SVG, "title"); t.textContent = `${u.id} · ${u.status || "?"}`; c.appendChild(t);
    unitsLayer.appendChild(c);
  }
  const list = $("incidents"); list.innerHTML = "";
  for (const inc of [...state.incidents.values()].sort((a, b) => b.openedAt - a.openedAt)) {
    const li = document.createElement("li");
    li.dataset.incident = inc.incidentId;
    li.className = (inc.serious ? "serious" : "") + (inc.locationUnknown ? " unlocated" : "");
    const etas = (inc.assignments || []).map((a) => `${a.role} ${a.unitId} ${a.status}${a.etaS ? " ETA " + Math.round(a.etaS / 60) + " min" : ""}`);
    li.textContent = inc.locationUnknown
      ? `${inc.incidentId} · ${inc.state} · LOCATION UNKNOWN: call her back, then set her location`
      : `${inc.incidentId} · ${inc.state} · ${inc.jurisdiction || "no jurisdiction"} · ${etas.join(", ") || "no unit yet"}`;
    li.addEventListener("click", () => showIncident(inc.incidentId));
    list.appendChild(li);
  }
  $("incident-count").textContent = state.incidents.size;
  const unlocated = [...state.incidents.values()].filter((i) => i.locationUnknown && i.state === "OPEN");
  renderUnregistered();
  $("unlocated-alarm").hidden = unlocated.length === 0;
  $("unlocated-alarm").textContent = unlocated.length === 0 ? "" :
    `${unlocated.length} emergency press${unlocated.length > 1 ? "es" : ""} with no location: call her back, then set her location (${unlocated.map((i) => i.incidentId).join(", ")})`;
  const units = $("units"); units.innerHTML = "";
  for (const u of [...state.units.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const li = document.createElement("li");
    li.textContent = `${u.id} · ${u.kind} · ${u.status || "?"}${u.online === "false" ? " · offline" : ""}`;
    units.appendChild(li);
  }
  $("unit-count").textContent = state.units.size;
}

// The job's alerts to officials that the API has not taken (a rotated token, an outage), and the
// ones it called malformed: an alarm until they are through, each dead letter with a re-send.
async function watchPipeline() {
  try { renderPipeline(await api("/api/v1/pipeline")); } catch (e) { /* next round */ }
  setTimeout(watchPipeline, 5000);
}

function renderPipeline(p) {
  const box = $("pipeline-alarm"), a = p.alerts;
  box.innerHTML = "";
  if (a.alarm) {
    const line = document.createElement("p");
    line.textContent = `${a.waiting} alert(s) to officials are waiting in the pipeline: not taken since ` +
      `${new Date(a.failingSince).toLocaleTimeString()} (${a.lastError || "no answer"}). Officials are not being told.`;
    box.appendChild(line);
  }
  for (const d of p.deadLetters) {
    const line = document.createElement("p");
    line.textContent = `Alert ${d.id} refused as malformed (HTTP ${d.status}) at ${new Date(d.at).toLocaleTimeString()}: ${d.answer} `;
    const resend = document.createElement("button"); resend.type = "button"; resend.textContent = "Re-send";
    resend.addEventListener("click", async () => {
      try { await api(`/api/v1/pipeline/dead-letters/${encodeURIComponent(d.id)}/resend`, { method: "POST" }); }
      catch (e) { $("op-status").textContent = "Re-send refused: " + e.message; }
      renderPipeline(await api("/api/v1/pipeline"));
    });
    line.appendChild(resend);
    box.appendChild(line);
  }
  box.hidden = box.childElementCount === 0;
  box.dataset.waiting = a.alarm ? a.waiting : 0;
  box.dataset.deadLetters = p.deadLetters.length;
}

// Unverified SOS from trackers no device is bound to: shown for the operator to decide, an hour at most.
function renderUnregistered() {
  const box = $("unregistered-alarm"), shown = [...state.unregistered.values()].filter((e) => Date.now() - e.lastAt < 3600_000);
  box.hidden = shown.length === 0; box.innerHTML = "";
  for (const e of shown.sort((a, b) => b.lastAt - a.lastAt)) {
    const p = document.createElement("p");
    const place = e.lat == null ? "no position in the frame" : `at ${e.lat.toFixed(5)}, ${e.lon.toFixed(5)}`;
    p.textContent = `Unverified SOS from an unregistered tracker, IMEI ${e.imei}: ${e.frames} frame(s), last ${new Date(e.lastAt).toLocaleTimeString()}, ${place}. `;
    if (e.lat != null) {
      const open = document.createElement("button"); open.type = "button"; open.textContent = "Open a case here";
      // One alarm, one case: the same key opens the same case whoever clicks, however often.
      open.addEventListener("click", () => command("/api/v1/incidents",
        { lat: e.lat, lon: e.lon, region: e.region, source: "UNREGISTERED_TRACKER", note: "unregistered tracker IMEI " + e.imei,
          dedupeKey: `unregistered:${e.imei}:${e.firstAt}` }, "Case for tracker " + e.imei));
      p.appendChild(open);
    }
    box.appendChild(p);
  }
}

async function showIncident(id) {
  state.selected = id;
  const inc = await api("/api/v1/incidents/" + encodeURIComponent(id));
  $("detail").hidden = false;
  $("detail-title").textContent = inc.incidentId;
  $("detail-summary").textContent = inc.locationUnknown
    ? `${inc.state}${inc.serious ? " · SERIOUS" : ""} · LOCATION UNKNOWN: no unit is sent until her position arrives or you set it` +
      (inc.callBack ? ` · call her back on ${inc.callBack}` : " · she left no call-back number")
    : `${inc.state}${inc.serious ? " · SERIOUS" : ""} · ${inc.jurisdiction || "outside known jurisdictions"}` +
      (inc.osc ? ` · OSC ${inc.osc.name}` : "") + (inc.hospital ? ` · hospital ${inc.hospital.name}` : "");
  $("op-locate").hidden = !inc.locationUnknown;
  fill("detail-assignments", (inc.assignments || []).map((a) => `${a.role}: ${a.unitId} (${a.status}${a.etaS ? ", ETA " + Math.round(a.etaS / 60) + " min" : ""})`));
  fill("detail-timeline", (inc.timeline || []).map((t) => `${new Date(t.at).toLocaleTimeString()} ${t.what} ${t.who || ""} ${t.why || ""}`));
  const onCases = new Set([...state.incidents.values()].flatMap((i) => (i.assignments || []).map((a) => a.unitId)));
  const free = [...state.units.values()].filter((u) => u.status === "AVAILABLE" && u.online !== "false" && !onCases.has(u.id));
  // Redrawn on every change of the case: keep what the operator has chosen if it is still free.
  const select = $("op-unit"), chosen = select.value; select.innerHTML = "";
  for (const u of free) { const o = document.createElement("option"); o.value = u.id; o.textContent = `${u.id} (${u.kind})`; select.appendChild(o); }
  if (free.some((u) => u.id === chosen)) select.value = chosen;
  fill("detail-deliveries", (inc.deliveries || []).map((d) => `${d.officialId} · ${d.channel} · ${d.status}${d.attempt ? " (attempt " + d.attempt + ")" : ""}`));
}

function fill(id, lines) {
  const el = $(id); el.innerHTML = "";
  for (const line of lines) { const li = document.createElement("li"); li.textContent = line; el.appendChild(li); }
}

// --- overrides: the job decides; the page sends the command and shows the timeline ---

async function command(path, body, done) {
  try {
    const res = await api(path, { method: "POST", body: JSON.stringify(body || {}) });
    $("op-status").textContent = done + " (sent)";
    return res;
  } catch (e) {
    $("op-status").textContent = "Not sent: " + e.message;
    return null;
  }
}

$("op-assign").addEventListener("click", () => {
  const unitId = $("op-unit").value;
  if (state.selected && unitId) command(`/api/v1/incidents/${encodeURIComponent(state.selected)}/assign`, { unitId }, `Assign ${unitId}`);
});
$("op-serious").addEventListener("click", () => {
  if (state.selected) command(`/api/v1/incidents/${encodeURIComponent(state.selected)}/serious`, {}, "Mark serious");
});
$("op-close").addEventListener("click", () => {
  if (state.selected && confirm("Close " + state.selected + "? Every unit on it is withdrawn.")) {
    command(`/api/v1/incidents/${encodeURIComponent(state.selected)}/close`, {}, "Close");
  }
});

// Setting the place of a press that came without one: the next click on the map is where she is.
$("op-locate").addEventListener("click", () => {
  if (!state.selected) return;
  state.locating = state.selected;
  $("op-status").textContent = "Click the map where she is (Esc to stop).";
});
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && state.locating) { state.locating = null; $("op-status").textContent = ""; }
});

let picked = null;
$("op-new").addEventListener("click", () => { $("new-case").hidden = false; state.picking = true; });
$("new-case-cancel").addEventListener("click", endPicking);
function endPicking() {
  $("new-case").hidden = true; state.picking = false; picked = null;
  $("pick-layer").innerHTML = ""; $("new-case-submit").disabled = true; $("new-case-place").textContent = "no place picked yet";
}
$("map").addEventListener("click", (e) => {
  if (!state.picking && !state.locating) return;
  const svg = $("map"), pt = svg.createSVGPoint();
  pt.x = e.clientX; pt.y = e.clientY;
  const p = pt.matrixTransform(svg.getScreenCTM().inverse());
  const [lon, lat] = state.unproject(p.x, p.y);
  if (state.locating) {
    const id = state.locating;
    state.locating = null;
    command(`/api/v1/incidents/${encodeURIComponent(id)}/locate`, { lat: +lat.toFixed(6), lon: +lon.toFixed(6) }, "Set her location");
    return;
  }
  picked = { lat: +lat.toFixed(6), lon: +lon.toFixed(6) };
  $("pick-layer").innerHTML = "";
  const c = document.createElementNS(SVG, "circle");
  c.setAttribute("cx", p.x); c.setAttribute("cy", p.y); c.setAttribute("r", 8); c.setAttribute("class", "picked");
  $("pick-layer").appendChild(c);
  $("new-case-place").textContent = `${picked.lat}, ${picked.lon}`;
  $("new-case-submit").disabled = false;
});
$("new-case").addEventListener("submit", async (e) => {
  e.preventDefault();
  if (!picked) return;
  const res = await command("/api/v1/incidents", {
    ...picked, source: $("new-case-source").value, injured: $("new-case-injured").checked, note: $("new-case-note").value,
  }, "New case");
  if (res) { endPicking(); state.selected = res.incidentId; }
});

const saved = sessionStorage.getItem("oscar.session");
if (saved) start(JSON.parse(saved));
