// The site socket on every page of a signed-in member (WS /ws/site).
// Everyone: notifications, check-ins and "a moderator is reading your post".
// Staff: crisis alerts on ANY page, the live crisis badge in the nav, "Cara is on it".
// Plain ES module, no build step; no inline script (strict CSP).

const badge = document.getElementById("crisis-badge");
const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
let delay = 1000;
let pingTimer = null;
let countTimer = null;
let reconnecting = false;

// One live region, in the page before anything is announced, so screen readers pick it up.
const region = document.createElement("div");
region.id = "site-notices";
region.className = "site-notices";
region.setAttribute("role", "status");
region.setAttribute("aria-live", "polite");
(document.querySelector("main") || document.body).before(region);

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function setBadge(count) {
  if (!badge || typeof count !== "number") return;
  badge.dataset.count = String(count);
  badge.hidden = count <= 0;
  badge.textContent = String(count);
  const label = document.createElement("span");
  label.className = "visually-hidden";
  label.textContent = ` open crisis item${count === 1 ? "" : "s"}`;
  badge.append(label);
}

// The database is the truth: after any change, ask for the count (debounced).
function refreshCount() {
  if (!badge) return;
  clearTimeout(countTimer);
  countTimer = setTimeout(async () => {
    try {
      const r = await fetch("/api/mod/crisis", { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (r.ok) setBadge((await r.json()).open_crisis);
    } catch { /* the next frame tries again */ }
  }, 200);
}

function notice(key, className) {
  let box = document.getElementById(`notice-${key}`);
  if (!box) {
    box = document.createElement("div");
    box.id = `notice-${key}`;
    box.className = `notice site-notice ${className}`;
    region.append(box);
  }
  box.textContent = "";
  return box;
}

function dismissButton(box) {
  const dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.className = "link-button site-notice-dismiss";
  dismiss.textContent = "Dismiss";
  dismiss.setAttribute("aria-label", "Dismiss this notice");
  dismiss.addEventListener("click", () => box.remove());
  return dismiss;
}

function ackButton(id, box) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "secondary";
  button.textContent = "I'm on it";
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const r = await fetch(`/api/mod/queue/${id}/ack`, {
        method: "POST", credentials: "same-origin", body: "{}",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrf },
      });
      const data = await r.json().catch(() => ({}));
      if (r.ok) showAck({ queue_id: id, by: data.acked_by });
      else { button.disabled = false; status(box, data.error?.message || "That didn't work. Please try again."); }
    } catch {
      button.disabled = false;
      status(box, "We couldn't reach the server. Please try again.");
    }
  });
  return button;
}

function status(box, text) {
  let p = box.querySelector(".site-notice-status");
  if (!p) {
    p = document.createElement("p");
    p.className = "site-notice-status";
    box.append(p);
  }
  p.textContent = text;
}

function showCrisis(alert) {
  const id = alert.queue_id;
  const box = notice(`item-${id}`, "notice-error crisis");
  const where = alert.room ? ` in ${alert.room}` : "";
  const text = alert.escalated
    ? `A crisis post${where} has been unacknowledged for ${plural(Math.max(1, Math.round((alert.age_seconds || 0) / 60)), "minute")}. `
    : `A crisis post${where} needs a moderator now. `;
  const p = document.createElement("p");
  const link = document.createElement("a");
  link.href = `/mod#item-${id}`;
  link.textContent = "Open the item";
  p.append(document.createTextNode(text), link);
  const actions = document.createElement("p");
  actions.className = "site-notice-actions";
  actions.append(ackButton(id, box), dismissButton(box));
  box.append(p, actions);
}

function showAck(frame) {
  const box = document.getElementById(`notice-item-${frame.queue_id}`);
  if (!box) return;
  box.classList.remove("notice-error");
  box.classList.add("acked");
  box.querySelectorAll("button.secondary").forEach((b) => b.remove());
  status(box, `${frame.by || "A moderator"} is on it.`);
}

// Kinds whose text is written to be shown as it is (a session reminder, a reviewed report).
const SAYS_ITSELF = new Set(["session_soon", "session_started", "report_reviewed"]);

function showMessage(key, text, link) {
  const box = notice(key, "notice-info notice-ok");
  const p = document.createElement("p");
  p.textContent = `${text} `;
  if (link) {
    const a = document.createElement("a");
    a.href = link;
    a.textContent = "Open";
    p.append(a);
  }
  box.append(p, dismissButton(box));
}

// The nav's unread count: the page renders it, the notification frame bumps it, and after a
// reconnect (frames may have gone by) it is asked again from /api/me.
function setNotificationCount(count) {
  document.querySelectorAll("[data-notification-count]").forEach((el) => {
    el.dataset.notificationCount = String(count);
    el.hidden = count <= 0;
    el.textContent = String(count);
    const label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = " unread";
    el.append(label);
  });
}

function bumpNotifications() {
  const el = document.querySelector("[data-notification-count]");
  setNotificationCount((parseInt(el?.dataset.notificationCount, 10) || 0) + 1);
}

async function refreshNotificationCount() {
  try {
    const r = await fetch("/api/me", { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (r.ok) {
      const count = (await r.json()).unread_notifications;
      if (typeof count === "number") setNotificationCount(count);
    }
  } catch { /* the next frame or page load corrects it */ }
}

function handle(frame) {
  switch (frame.type) {
    case "hello":
      if (typeof frame.open_crisis === "number") setBadge(frame.open_crisis);
      break;
    case "alert":
      if (frame.crisis) showCrisis(frame);
      refreshCount();
      break;
    case "ack":
      showAck(frame);
      refreshCount();
      break;
    case "resolved":
      document.getElementById(`notice-item-${frame.queue_id}`)?.remove();
      refreshCount();
      break;
    case "notification":
      bumpNotifications();
      if (frame.kind === "reply") showMessage(`note-${frame.id}`, frame.text || "Someone replied to your thread.", frame.link);
      else if (frame.kind === "mention" || frame.kind === "quote" || frame.kind.startsWith("reaction_")) {
        showMessage(`note-${frame.id}`, frame.text || "You have a new notification.", frame.link);
      }
      else if (SAYS_ITSELF.has(frame.kind) && frame.text) showMessage(`note-${frame.id}`, frame.text, frame.link || "/notifications");
      else if (frame.kind === "checkin") showMessage(`note-${frame.id}`, "You have a new message from a moderator.", frame.link);
      else if (frame.kind === "crisis_escalated") break; // the escalated alert already shows it
      else showMessage(`note-${frame.id}`, "You have a new notification.", frame.link || "/notifications");
      break;
    case "checkin":
      showMessage(`checkin-${frame.queue_id ?? frame.id}`, "You have a new message from a moderator.", frame.link);
      break;
    case "care":
      if (frame.state === "reading") showMessage(`care-${frame.queue_id}`, "A moderator is reading your post. You're not alone.");
      break;
    default:
      break;
  }
}

function connect() {
  const proto = location.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(`${proto}//${location.host}/ws/site`);
  ws.addEventListener("open", () => {
    if (reconnecting) refreshNotificationCount();
    reconnecting = true;
    delay = 1000;
    document.body.dataset.siteSocket = "open";
    pingTimer = setInterval(() => ws.send(JSON.stringify({ type: "ping" })), 30000);
  });
  ws.addEventListener("message", (event) => {
    let frame;
    try { frame = JSON.parse(event.data); } catch { return; }
    if (frame && typeof frame.type === "string") handle(frame);
  });
  ws.addEventListener("close", (event) => {
    document.body.dataset.siteSocket = "closed";
    clearInterval(pingTimer);
    if (event.code === 4401 || event.code === 4003) return; // signed out or blocked: don't hammer
    setTimeout(connect, delay + Math.random() * 500);
    delay = Math.min(delay * 2, 30000);
  });
}

connect();
