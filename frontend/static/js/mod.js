// Live moderation queue: new items are announced over /ws/mod (moderators only).
const live = document.getElementById("mod-live");
let delay = 1000;

function announce(alert) {
  const what = alert.crisis ? "A crisis item" : `A ${alert.source} item`;
  live.hidden = false;
  live.textContent = "";
  const text = document.createTextNode(`${what} just arrived${alert.room ? ` from ${alert.room}` : ""}. `);
  const link = document.createElement("a");
  link.href = "/mod";
  link.textContent = "Refresh the queue";
  live.append(text, link);
  if (alert.crisis) live.classList.add("notice-error");
}

function connect() {
  const proto = location.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(`${proto}//${location.host}/ws/mod`);
  ws.addEventListener("open", () => { delay = 1000; document.body.dataset.modSocket = "open"; });
  ws.addEventListener("message", (event) => {
    let frame;
    try { frame = JSON.parse(event.data); } catch { return; }
    if (frame.type === "alert") announce(frame);
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
