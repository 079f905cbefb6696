// OSCAR control room: log in, draw the district's jurisdictions, then keep units and incidents
// live from the API's event stream. No external scripts or tiles: everything comes from the API.
"use strict";

const state = { token: null, user: null, units: new Map(), incidents: new Map(), unregistered: new Map(), selected: null };
const $ = (id) => document.getElementById(id);

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
  audio(); // the click that logs in is the gesture that lets the alarm sound

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
  $("who").textContent = session.username + " · " + session.district + (session.state ? " (every district)" : "");
  await drawBasemap();
  // The facilities are part of the picture, not of the alarm: a failed load must not stop the page.
  state.facilities = (await api("/api/v1/facilities").catch(() => ({ facilities: [] }))).facilities;
  await reload();
  follow();
  watchPipeline();
  // An official's alert links to #/incidents/<id>: open that case once logged in.
  const link = location.hash.match(/^#\/incidents\/([A-Za-z0-9_-]+)$/);
  if (link) showIncident(link[1]).catch(() => { $("op-status").textContent = "That case is not in your district."; });
}

// --- the map: Leaflet, served by the API; vector layers alone, tiles only if configured ---

const KIND_LETTER = { POLICE: "P", AMBULANCE: "A", OSC_VEHICLE: "O" };
const FACILITY_LETTER = { OSC: "OSC", HOSPITAL: "H", SHELTER: "SS" };

// The user's regions (a district, or every district of a state): outlines, police stations, and
// the box the map opens on.
async function drawBasemap() {
  const [geo, settings] = await Promise.all([api("/api/v1/areas"), (await fetch("/map/settings.json")).json()]);
  const map = L.map("map", { zoomSnap: 0.5 });
  state.map = map;
  if (settings.tileUrl) L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: 19 }).addTo(map);
  map.attributionControl.addAttribution("District boundaries: DataMeet India community, Census 2011 (CC BY 2.5 IN)");
  map.attributionControl.addAttribution("Jurisdictions: DataMeet, CC BY-SA 2.5 IN");
  const outline = { color: "#3d4a5c", weight: 2, dashArray: "6 4", fill: false };
  const station = { color: "#6b7788", weight: 1, fillColor: "#fff", fillOpacity: 0.6 };
  const jurisdictions = L.geoJSON(geo, { interactive: false, style: (f) => (f.properties.kind === "REGION" ? outline : station) });
  jurisdictions.eachLayer((l) => {
    if (l.feature.properties.kind === "STATION")
      l.bindTooltip(l.feature.properties.Name.replace(" Police Station", ""), { permanent: true, direction: "center", className: "jurisdiction-label" });
  });
  state.regionBounds = new Map();
  jurisdictions.eachLayer((l) => {
    const p = l.feature.properties;
    if (p.kind === "REGION") state.regionBounds.set(p.region, { district: p.district, bounds: l.getBounds() });
  });
  fillDistrictFilter();
  state.layers = {
    jurisdictions: jurisdictions.addTo(map),
    facilities: L.layerGroup().addTo(map),
    routes: L.layerGroup().addTo(map),
    incidents: L.layerGroup().addTo(map),
    units: L.layerGroup().addTo(map),
    pick: L.layerGroup().addTo(map),
  };
  state.area = geo.bounds ? L.latLngBounds([geo.bounds[0], geo.bounds[1]], [geo.bounds[2], geo.bounds[3]]) : jurisdictions.getBounds();
  L.control.layers(null, {
    "Jurisdictions": state.layers.jurisdictions, "Facilities": state.layers.facilities, "Units": state.layers.units,
    "Incidents": state.layers.incidents, "Unit → her": state.layers.routes }, { collapsed: true }).addTo(map);
  const Fit = L.Control.extend({
    onAdd() {
      const b = L.DomUtil.create("button", "fit-area");
      b.id = "fit-area"; b.type = "button"; b.textContent = "Fit to my area"; b.title = "Fit to my area (F)";
      L.DomEvent.on(b, "click", (e) => { L.DomEvent.stop(e); fitArea(); });
      return b;
    },
  });
  new Fit({ position: "topleft" }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  // Station names only where they can be read.
  const labels = () => $("map").classList.toggle("labels-off", map.getZoom() < 12.5);
  map.on("zoomend", () => { labels(); $("map").dataset.zoom = map.getZoom(); });
  map.on("click", onMapClick);
  fitArea();
  labels();
}

function fitArea() {
  const only = state.regionBounds && state.regionBounds.get(regionFilter());
  state.map.fitBounds(only ? only.bounds : state.area, { padding: [10, 10] });
  $("map").dataset.zoom = state.map.getZoom();
}

// The heading its terminal sent with its last position; failing that, the bearing of its last move.
function heading(prev, u) {
  if (u.headingDeg !== undefined && u.headingDeg !== null && u.headingDeg !== "") return +u.headingDeg;
  if (!prev || !prev.lat || !u.lat) return prev ? prev.heading : undefined;
  if (prev.lat === u.lat && prev.lon === u.lon) return prev.heading;
  const f1 = +prev.lat * Math.PI / 180, f2 = +u.lat * Math.PI / 180, dl = (+u.lon - +prev.lon) * Math.PI / 180;
  const y = Math.sin(dl) * Math.cos(f2), x = Math.cos(f1) * Math.sin(f2) - Math.sin(f1) * Math.cos(f2) * Math.cos(dl);
  return (Math.atan2(y, x) * 180 / Math.PI + 360) % 360;
}

function unitIcon(u, busy) {
  const status = u.online === "false" ? "offline" : busy ? "busy" : (u.status || "unknown").toLowerCase();
  const arrow = u.heading === undefined ? "" : `<span class="heading" style="transform: rotate(${Math.round(u.heading)}deg)">▲</span>`;
  const html = `<div class="unit-icon ${u.kind} ${status}" data-unit="${escapeHtml(u.id)}" title="${escapeHtml(u.id)} · ${u.kind} · ${u.status || "?"}">` +
    `${arrow}<span class="kind">${KIND_LETTER[u.kind] || "?"}</span><span class="label">${escapeHtml(u.id)}</span></div>`;
  return L.divIcon({ html, className: "unit-marker", iconSize: null, iconAnchor: [11, 11] });
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// How urgently an incident needs the operator: a call nobody has taken first, then serious, then
// waiting for a unit, then a unit overdue; newest first among equals.
const CALL_RANK = { DURESS: 6, NO_UNIT: 5, STALLED: 4, LOCATION_UNKNOWN: 3, REOPENED: 2, NEW: 1 };
function waiting(inc) { return !!(inc.call && !inc.call.takenBy); }
function noUnit(inc) { return (!inc.locationUnknown && (inc.assignments || []).length < 2) || !!(inc.call && inc.call.kind === "NO_UNIT"); }
function urgency(inc) {
  return (waiting(inc) ? 1000 + 10 * (CALL_RANK[inc.call.kind] || 0) : 0) + (inc.serious ? 100 : 0)
    + (noUnit(inc) ? 20 : 0) + (inc.call && inc.call.kind === "STALLED" ? 10 : 0);
}
function byUrgency(a, b) { return urgency(b) - urgency(a) || b.openedAt - a.openedAt; }
function urgencyClass(inc) {
  return waiting(inc) ? "waiting" : inc.serious ? "serious" : noUnit(inc) ? "no-unit" : "covered";
}

// A state control room may look at one district; the alarm still rings for every district.
function regionFilter() { return $("district-filter").value; }
function inFilter(x) { const r = regionFilter(); return !r || x.region === r; }

function fillDistrictFilter() {
  const select = $("district-filter");
  const regions = [...state.regionBounds.entries()].sort((a, b) => a[1].district.localeCompare(b[1].district));
  select.hidden = regions.length < 2;
  for (const [region, r] of regions) {
    const o = document.createElement("option");
    o.value = region; o.textContent = r.district;
    select.appendChild(o);
  }
}
$("district-filter").addEventListener("change", () => { render(); fitArea(); });

function renderMap(busy) {
  const seen = new Set();
  state.markers = state.markers || new Map();
  for (const u of state.units.values()) {
    if (!u.lat || !inFilter(u)) continue;
    seen.add(u.id);
    const icon = unitIcon(u, busy.has(u.id));
    let m = state.markers.get(u.id);
    if (!m) {
      m = L.marker([+u.lat, +u.lon], { icon, keyboard: false }).addTo(state.layers.units);
      state.markers.set(u.id, m);
      m.iconHtml = icon.options.html;
    } else {
      m.setLatLng([+u.lat, +u.lon]);
      if (m.iconHtml !== icon.options.html) { m.setIcon(icon); m.iconHtml = icon.options.html; }
    }
  }
  for (const [id, m] of state.markers) if (!seen.has(id)) { m.remove(); state.markers.delete(id); }

  state.layers.incidents.clearLayers(); state.layers.routes.clearLayers(); state.layers.facilities.clearLayers();
  // Every facility of the area, and any a case names that the list does not.
  const facilities = new Map((state.facilities || []).filter(inFilter).map((f) => [f.id, f]));
  for (const inc of state.incidents.values()) {
    if (inc.locationUnknown || !inFilter(inc)) continue; // no place yet: its alarm and its line in the list only
    for (const f of [inc.osc, inc.hospital]) if (f) facilities.set(f.id, f);
    for (const a of inc.assignments || []) {
      const u = state.units.get(a.unitId);
      if (u && u.lat) L.polyline([[+u.lat, +u.lon], [inc.lat, inc.lon]], { className: "route", interactive: false }).addTo(state.layers.routes);
    }
    const c = L.circleMarker([inc.lat, inc.lon], { radius: 10, className: "incident " + urgencyClass(inc) })
      .bindTooltip(inc.incidentId).on("click", (e) => { L.DomEvent.stop(e); showIncident(inc.incidentId); })
      .addTo(state.layers.incidents);
    if (c.getElement()) c.getElement().dataset.incident = inc.incidentId;
  }
  for (const f of facilities.values()) {
    L.marker([f.lat, f.lon], { icon: L.divIcon({ className: "facility-marker", iconSize: null,
      html: `<div class="facility ${f.kind}" data-facility="${escapeHtml(f.id)}">${FACILITY_LETTER[f.kind] || "?"}</div>` }), keyboard: false })
      .bindTooltip(f.name).addTo(state.layers.facilities);
  }
}

function render() {
  const busy = new Set();
  for (const inc of state.incidents.values()) for (const a of inc.assignments || []) busy.add(a.unitId);
  if (state.map) renderMap(busy);
  const filter = $("queue-filter").value;
  const shown = [...state.incidents.values()].filter(inFilter).filter((i) =>
    filter === "all" || (filter === "waiting" && waiting(i)) || (filter === "serious" && i.serious) || (filter === "no-unit" && noUnit(i)));
  const list = $("incidents"); list.innerHTML = "";
  for (const inc of shown.sort(byUrgency)) {
    const li = document.createElement("li");
    li.dataset.incident = inc.incidentId;
    li.className = urgencyClass(inc) + (inc.serious ? " serious" : "") + (inc.locationUnknown ? " unlocated" : "");
    const etas = (inc.assignments || []).map((a) => `${a.role} ${a.unitId} ${a.status}${a.etaS ? " ETA " + Math.round(a.etaS / 60) + " min" : ""}`);
    const taken = inc.call ? (inc.call.takenBy ? ` · taken by ${inc.call.takenBy}` : " · NOT TAKEN") : "";
    li.textContent = inc.locationUnknown
      ? `${inc.incidentId} · ${inc.state} · LOCATION UNKNOWN: call her back, then set her location${taken}`
      : `${inc.incidentId} · ${inc.state} · ${inc.jurisdiction || "no jurisdiction"} · ${etas.join(", ") || "no unit yet"}${taken}`;
    li.addEventListener("click", () => showIncident(inc.incidentId));
    list.appendChild(li);
  }
  $("incident-count").textContent = state.incidents.size;
  const unlocated = [...state.incidents.values()].filter((i) => i.locationUnknown && i.state === "OPEN");
  renderUnregistered();
  renderCalls();
  $("unlocated-alarm").hidden = unlocated.length === 0;
  $("unlocated-alarm").textContent = unlocated.length === 0 ? "" :
    `${unlocated.length} emergency press${unlocated.length > 1 ? "es" : ""} with no location: call her back, then set her location (${unlocated.map((i) => i.incidentId).join(", ")})`;
  const units = $("units"); units.innerHTML = "";
  for (const u of [...state.units.values()].filter(inFilter).sort((a, b) => a.id.localeCompare(b.id))) {
    const li = document.createElement("li");
    li.textContent = `${u.id} · ${u.kind} · ${u.status || "?"}${busy.has(u.id) ? " · on a case" : ""}${u.online === "false" ? " · offline" : ""}`;
    units.appendChild(li);
  }
  $("unit-count").textContent = state.units.size;
}
$("queue-filter").addEventListener("change", render);

// --- the alarm: every call nobody has taken rings, most urgent first, until an operator takes it ---

const CALL_WORDS = { NEW: "New emergency", REOPENED: "Reopened", NO_UNIT: "No unit available", LOCATION_UNKNOWN: "Location still unknown",
  STALLED: "Response stalled", DURESS: "DURESS cancel" };

function renderCalls() {
  const calls = [...state.incidents.values()].filter(waiting).sort(byUrgency);
  const box = $("call-alarm");
  box.innerHTML = "";
  for (const inc of calls) {
    const p = document.createElement("p");
    p.dataset.incident = inc.incidentId;
    const secs = Math.max(0, Math.round((Date.now() - inc.call.since) / 1000));
    p.textContent = `${CALL_WORDS[inc.call.kind] || inc.call.kind}: ${inc.incidentId}${inc.jurisdiction ? " · " + inc.jurisdiction : ""} · ${inc.call.why} · waiting ${secs} s `;
    const take = document.createElement("button"); take.type = "button"; take.textContent = "Take"; take.className = "take";
    take.addEventListener("click", () => takeCall(inc.incidentId));
    p.appendChild(take);
    box.appendChild(p);
  }
  box.hidden = calls.length === 0;
  box.dataset.waiting = calls.length;
  document.body.dataset.alarm = calls.length ? "ringing" : "quiet";
  if (calls.length) ring(); else silence();
}
setInterval(() => { if (state.incidents.size) renderCalls(); }, 1000);

// A two-tone beep every 1.5 s while a call waits. Browsers start audio only after a gesture: the
// login click gives one; after a reload the first click or key on the page does.
function audio() {
  if (!state.audio && window.AudioContext) state.audio = new AudioContext();
  if (state.audio && state.audio.state === "suspended") state.audio.resume();
  return state.audio;
}
document.addEventListener("pointerdown", audio);
document.addEventListener("keydown", audio);

function ring() {
  if (state.ringing) return;
  state.ringing = setInterval(beep, 1500);
  beep();
  $("call-alarm").dataset.sounding = "true";
}
function silence() {
  if (!state.ringing) return;
  clearInterval(state.ringing); state.ringing = null;
  $("call-alarm").dataset.sounding = "false";
}
function beep() {
  const ctx = audio();
  $("call-alarm").dataset.audio = ctx ? ctx.state : "none";
  if (!ctx || ctx.state !== "running") return;
  for (const [i, f] of [[0, 880], [1, 660]]) {
    const osc = ctx.createOscillator(), gain = ctx.createGain();
    osc.frequency.value = f; gain.gain.value = 0.15;
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + i * 0.25); osc.stop(ctx.currentTime + i * 0.25 + 0.2);
  }
  state.beeps = (state.beeps || 0) + 1;
  $("call-alarm").dataset.beeps = state.beeps;
}

async function takeCall(id) {
  await command(`/api/v1/incidents/${encodeURIComponent(id)}/take`, {}, "Take " + id);
  showIncident(id).catch(() => {});
}

// Keys for a long shift; never while typing in a field.
document.addEventListener("keydown", (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || /INPUT|SELECT|TEXTAREA/.test(e.target.tagName) || !state.token) return;
  const key = e.key.toLowerCase();
  if (key === "t") {
    const top = [...state.incidents.values()].filter(waiting).sort(byUrgency)[0];
    if (top) takeCall(top.incidentId);
  } else if (key === "a") $("op-assign").click();
  else if (key === "c") $("op-close").click();
  else if (key === "f" && state.map) fitArea();
  else return;
  e.preventDefault();
});

async function reload() {
  const [units, incidents, strangers] = await Promise.all([
    api("/api/v1/units"), api("/api/v1/incidents"), api("/api/v1/unregistered-emergencies")]);
  // A resync keeps each unit's last heading: the feed carries none, the page derives it.
  state.units = new Map(units.units.map((u) => [u.id, { ...u, heading: heading(state.units.get(u.id), u) }]));
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
      if (!res.ok) throw new Error("stream " + res.status);
      // After a lost connection the page reloads everything it holds (below) and says so.
      $("feed-state").textContent = state.lostAt ? `live · resynced ${new Date().toLocaleTimeString()} after a lost connection` : "live";
      $("feed-state").dataset.resyncs = state.resyncs || 0;
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
    state.lostAt = Date.now();
    $("feed-state").textContent = "connection lost · reconnecting…";
    await new Promise((r) => setTimeout(r, 2000));
    try { await reload(); state.resyncs = (state.resyncs || 0) + 1; } catch (e) { /* next round */ }
  }
}

function handleEvent(block) {
  let type = null, data = null;
  for (const line of block.split("\n")) {
    if (line.startsWith("event: ")) type = line.slice(7);
    else if (line.startsWith("data: ")) data = JSON.parse(line.slice(6));
  }
  if (type === "unit") state.units.set(data.id, { ...data, heading: heading(state.units.get(data.id), data) });
  else if (type === "incident") {
    if (data.state === "CLOSED" || data.state === "CANCELLED") state.incidents.delete(data.incidentId);
    else state.incidents.set(data.incidentId, data);
    if (state.selected === data.incidentId) showIncident(data.incidentId);
  } else if (type === "unregistered") state.unregistered.set(data.imei, data);
  else if (type === "resync") { reload(); return; }
  else return;
  render();
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
  $("op-take").hidden = !waiting(inc);
  if (!inc.locationUnknown && state.map && state.zoomedTo !== id) {
    // Once per case chosen: the map goes to her, and stays where the operator moves it after.
    state.zoomedTo = id;
    state.map.setView([inc.lat, inc.lon], Math.max(state.map.getZoom(), 15));
  }
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

$("op-take").addEventListener("click", () => { if (state.selected) takeCall(state.selected); });
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
  state.layers.pick.clearLayers(); $("new-case-submit").disabled = true; $("new-case-place").textContent = "no place picked yet";
}
function onMapClick(e) {
  if (!state.picking && !state.locating) return;
  const lat = +e.latlng.lat.toFixed(6), lon = +e.latlng.lng.toFixed(6);
  if (state.locating) {
    const id = state.locating;
    state.locating = null;
    command(`/api/v1/incidents/${encodeURIComponent(id)}/locate`, { lat, lon }, "Set her location");
    return;
  }
  picked = { lat, lon };
  state.layers.pick.clearLayers();
  L.circleMarker([lat, lon], { radius: 8, className: "picked", interactive: false }).addTo(state.layers.pick);
  $("new-case-place").textContent = `${lat}, ${lon}`;
  $("new-case-submit").disabled = false;
}
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
