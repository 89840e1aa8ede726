// Live moderation queue: new items are announced over /ws/mod (moderators only).
const live = document.getElementById("mod-live");
let delay = 1000;

function announce(alert) {
  const what = alert.crisis ? "A crisis item" : `A ${alert.source} item`;
  live.hidden = false;
  live.textContent = "";
  const minutes = Math.max(1, Math.round((alert.age_seconds || 0) / 60));
  const said = alert.escalated
    ? `${what}${alert.room ? ` in ${alert.room}` : ""} has been unacknowledged for ${minutes} minute${minutes === 1 ? "" : "s"}. `
    : `${what} just arrived${alert.room ? ` from ${alert.room}` : ""}. `;
  const text = document.createTextNode(said);
  const link = document.createElement("a");
  link.href = "/mod";
  link.textContent = "Refresh the queue";
  live.append(text, link);
  if (alert.crisis) live.classList.add("notice-error");
}

// "Cara is on it", live on every card of that item.
function showAck(frame) {
  const state = document.querySelector(`[data-ack-for="${Number(frame.queue_id)}"]`);
  if (!state) return;
  const strong = document.createElement("strong");
  strong.textContent = `${frame.by || "A moderator"} is on it.`;
  state.replaceChildren(strong);
  state.parentElement?.querySelector(".ack-form")?.remove();
}

function connect() {
  const proto = location.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(`${proto}//${location.host}/ws/mod`);
  ws.addEventListener("open", () => { delay = 1000; document.body.dataset.modSocket = "open"; });
  ws.addEventListener("message", (event) => {
    let frame;
    try { frame = JSON.parse(event.data); } catch { return; }
    if (frame.type === "alert") announce(frame);
    else if (frame.type === "ack") showAck(frame);
  });
  ws.addEventListener("close", (event) => {
    document.body.dataset.modSocket = "closed";
    if (event.code === 4403 || event.code === 4401) return;
    setTimeout(connect, delay);
    delay = Math.min(delay * 2, 30000);
  });
}

if (live) connect();

// Check-in templates: choosing one puts its text in the message box, to edit before sending.
for (const select of document.querySelectorAll("select.checkin-template")) {
  select.addEventListener("change", () => {
    const box = document.getElementById(select.dataset.target);
    const option = select.selectedOptions[0];
    if (box && option) box.value = option.dataset.text || "";
  });
}
