"use strict";
// The responder page: a unit terminal on a phone. It speaks the device contract (docs/contract.md)
// over MQTT over WebSockets, through the API's /mqtt bridge to the broker, with the unit's own id
// and secret: the broker checks them and the unit's access list, exactly as for a vehicle terminal.

const $ = (id) => document.getElementById(id);
const ROOT = "oscar/v1/unit/";
const POSITION_EVERY_MS = 5000;

const state = { client: null, unitId: null, seq: 0, task: null, status: null, watch: null, lastFix: null, timer: null };

// seq must grow across reloads of the page without storage: the clock does, at least by 1.
function nextSeq() { state.seq = Math.max(state.seq + 1, Date.now()); return state.seq; }

function setConn(s, text) { $("conn").dataset.state = s; $("conn").textContent = text; }

function publish(leaf, body, retained) {
  const m = new Paho.Message(JSON.stringify(body));
  m.destinationName = ROOT + state.unitId + "/" + leaf;
  m.qos = 1;
  m.retained = !!retained;
  try {
    state.client.send(m);
    return true;
  } catch (e) {
    $("error").textContent = "not sent (" + e.message + "); reconnecting";
    return false;
  }
}

function connect(unitId, secret) {
  state.unitId = unitId;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  // A stable client id with a persistent session: a task sent while the phone is out of coverage
  // waits at the broker and arrives on reconnect.
  const client = new Paho.Client(`${scheme}://${location.host}/mqtt`, "web-" + unitId);
  state.client = client;
  const will = new Paho.Message(JSON.stringify({ online: false }));
  will.destinationName = ROOT + unitId + "/online";
  will.qos = 1;
  will.retained = true;
  client.onConnected = (reconnect) => {
    setConn("online", reconnect ? "online · reconnected" : "online");
    publish("online", { online: true }, true);
    client.subscribe(ROOT + unitId + "/task", {
      qos: 1,
      // Paho reports a refused subscription (0x80) here: without it no task would ever arrive.
      onFailure: () => { $("error").textContent = "the broker refused this unit its task topic: no task can arrive"; },
    });
  };
  client.onConnectionLost = (r) => { if (r.errorCode !== 0) setConn("connecting", "connection lost · reconnecting…"); };
  client.onMessageArrived = (m) => { try { onTask(JSON.parse(m.payloadString)); } catch (e) { /* not a task */ } };
  setConn("connecting", "connecting…");
  client.connect({
    userName: unitId,
    password: secret,
    cleanSession: false,
    keepAliveInterval: 20,
    timeout: 10,
    reconnect: true,
    mqttVersion: 4,
    willMessage: will,
    useSSL: scheme === "wss",
    onSuccess: () => {
      $("login").hidden = true;
      $("main").hidden = false;
      $("unit-name").textContent = "· " + unitId;
      $("unit-secret").value = "";
    },
    onFailure: (e) => {
      setConn("offline", "not connected");
      // Paho reports the broker's refusal of the login as code 4/5 in the message.
      $("login-error").textContent = /code 5|code 4|Not authorized|bad user/i.test(e.errorMessage || "")
        ? "the broker refused this unit id and secret"
        : "cannot reach the broker: " + (e.errorMessage || "no answer");
    },
  });
}

function onTask(t) {
  if (!t.assignmentId) return;
  if (t.action === "WITHDRAW") {
    if (state.task && state.task.assignmentId === t.assignmentId) {
      state.task = { ...state.task, phase: "withdrawn" };
    }
  } else if (t.action === "UPDATE" && state.task && state.task.assignmentId === t.assignmentId) {
    state.task = { ...state.task, ...t, phase: state.task.phase };
  } else if (t.action === "ASSIGN") {
    const same = state.task && state.task.assignmentId === t.assignmentId;
    state.task = { ...t, phase: same ? state.task.phase : "offered" };
  }
  drawTask();
}

function answer(accept) {
  const t = state.task;
  if (!t) return;
  const body = { seq: nextSeq(), ts: Date.now(), assignmentId: t.assignmentId, accept };
  if (!accept) body.reason = $("decline-reason").value;
  if (publish("ack", body)) {
    state.task = { ...t, phase: accept ? "accepted" : "declined" };
    if (accept) sendStatus("EN_ROUTE");
    drawTask();
  }
}

function distanceKm(aLat, aLon, bLat, bLon) {
  const r = Math.PI / 180, dLat = (bLat - aLat) * r, dLon = (bLon - aLon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

function drawTask() {
  const t = state.task, box = $("task");
  box.dataset.state = t ? t.phase : "none";
  box.dataset.incident = t ? t.incidentId : "";
  const offered = !!t && t.phase === "offered";
  $("accept").hidden = !offered;
  $("decline").hidden = !offered;
  $("decline-reason").hidden = !offered;
  if (!t) {
    $("task-title").textContent = "No task";
    for (const id of ["task-where", "task-eta", "task-destination", "task-deadline"]) $(id).textContent = "";
    $("navigate").hidden = true;
    return;
  }
  const phase = { offered: "NEW TASK", accepted: "Accepted", declined: "Declined", withdrawn: "Withdrawn" }[t.phase];
  $("task-title").textContent = `${phase}: ${t.role} to ${t.incidentId}`;
  const far = state.lastFix ? ` · ${distanceKm(state.lastFix.lat, state.lastFix.lon, t.lat, t.lon).toFixed(1)} km from you` : "";
  $("task-where").textContent = `Go to ${t.lat.toFixed(5)}, ${t.lon.toFixed(5)}${far}`;
  $("task-eta").textContent = t.etaS ? `ETA ${Math.max(1, Math.round(t.etaS / 60))} min` : "";
  $("task-destination").textContent = t.destination
    ? `Then to ${t.destination.kind === "HOSPITAL" ? "hospital" : "One Stop Centre"}: ${t.destination.name}`
    : "";
  const goTo = t.phase === "accepted" && t.destination && state.status === "TRANSPORTING" ? t.destination : t;
  $("navigate").href = `geo:${goTo.lat},${goTo.lon}`;
  $("navigate").hidden = t.phase === "withdrawn" || t.phase === "declined";
  tickDeadline();
}

function tickDeadline() {
  const t = state.task;
  if (!t || t.phase !== "offered" || !t.ackBy) { $("task-deadline").textContent = ""; return; }
  const s = Math.round((t.ackBy - Date.now()) / 1000);
  $("task-deadline").textContent = s > 0 ? `Answer within ${s} s, or it goes to another unit` : "Answer time is over";
}

function sendStatus(status) {
  if (publish("status", { seq: nextSeq(), ts: Date.now(), status })) {
    state.status = status;
    $("status-now").textContent = status.replace("_", " ");
    for (const b of document.querySelectorAll("[data-status]")) b.setAttribute("aria-pressed", String(b.dataset.status === status));
    drawTask();
  }
}

function sendPosition(lat, lon, extra) {
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) || (lat === 0 && lon === 0)) {
    $("error").textContent = "that is not a position";
    return;
  }
  const body = { seq: nextSeq(), ts: Date.now(), lat, lon, ...extra };
  if (publish("pos", body)) {
    state.lastFix = { lat, lon };
    $("position-sent").textContent = `sent ${lat.toFixed(5)}, ${lon.toFixed(5)} at ${new Date().toLocaleTimeString()}`;
    $("error").textContent = "";
    drawTask();
  }
}

function shareLocation(on) {
  if (state.watch !== null) { navigator.geolocation.clearWatch(state.watch); state.watch = null; }
  if (state.timer) { clearInterval(state.timer); state.timer = null; }
  if (!on) { $("geo-state").textContent = ""; return; }
  if (!navigator.geolocation) { $("geo-state").textContent = "this phone gives no location; type it below"; return; }
  let fix = null;
  state.watch = navigator.geolocation.watchPosition(
    (p) => { fix = p.coords; $("geo-state").textContent = `GPS ± ${Math.round(p.coords.accuracy)} m`; },
    (e) => { $("geo-state").textContent = "no location: " + e.message; },
    { enableHighAccuracy: true, maximumAge: 5000 });
  state.timer = setInterval(() => {
    if (!fix) return;
    const extra = {};
    if (fix.speed != null) extra.speedKmh = Math.round(fix.speed * 3.6);
    if (fix.heading != null && !Number.isNaN(fix.heading)) extra.headingDeg = Math.round(fix.heading) % 360;
    sendPosition(fix.latitude, fix.longitude, extra);
  }, POSITION_EVERY_MS);
}

$("login-form").addEventListener("submit", (e) => {
  e.preventDefault();
  $("login-error").textContent = "";
  connect($("unit-id").value.trim(), $("unit-secret").value);
});
$("accept").addEventListener("click", () => answer(true));
$("decline").addEventListener("click", () => answer(false));
for (const b of document.querySelectorAll("[data-status]")) b.addEventListener("click", () => sendStatus(b.dataset.status));
$("send-position").addEventListener("click", () => sendPosition(parseFloat($("manual-lat").value), parseFloat($("manual-lon").value), {}));
$("share-location").addEventListener("change", (e) => shareLocation(e.target.checked));
$("disconnect").addEventListener("click", () => {
  shareLocation(false);
  $("share-location").checked = false;
  // A clean goodbye: the last will is not sent, so say offline ourselves.
  publish("online", { online: false }, true);
  try { state.client.disconnect(); } catch (e) { /* already gone */ }
  setConn("offline", "not connected");
  $("main").hidden = true;
  $("login").hidden = false;
});
setInterval(tickDeadline, 1000);
