// Live chat for a room over WS /ws/rooms/{slug}.
// Reconnects by itself with backoff and resumes after the last event id it saw,
// so a dropped connection shows no gap and no duplicate. Untrusted text is only
// ever set as text; body_html and pinned_prompt_html are sanitized by the server.
import { localize } from "./time.js";
import { applyCounts, reactionBar, wire as wireReactions } from "./reactions.js";

const MAX_LINES = 500;
const REASONS = [
  ["harassment", "Harassment or abuse"],
  ["crisis_concern", "I'm worried someone is in danger"],
  ["spam", "Spam"],
  ["personal_info", "Personal information"],
  ["off_topic", "Off topic"],
  ["other", "Something else"],
];
const FINAL_CLOSES = {
  4401: "You're signed out. Sign in again to use the chat.",
  4003: "This account can't use the chat right now.",
  4404: "This room's chat isn't available.",
};

const root = document.getElementById("chat");
if (root && root.dataset.me) start(root);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function newClientId() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function start(root) {
  const slug = root.dataset.room;
  const me = root.dataset.me;
  const $ = (id) => document.getElementById(id);
  const status = $("chat-status"), log = $("chat-log"), scroller = $("chat-scroll");
  const form = $("chat-form"), input = $("chat-body");
  const errorBox = $("chat-error"), presence = $("chat-presence"), presenceCount = $("chat-presence-count");
  const sessionBox = $("chat-session"), helpBox = $("chat-help");
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";

  let ws = null;
  let lastId = null;
  let attempt = 0;
  let synced = false;
  const outbox = new Map(); // client_id -> {text, note}, until the server echoes it back
  const noteInput = $("chat-cn");
  const byMessage = new Map(); // ChatMessage id -> <li>
  const bySeq = new Map(); // a message's room seq -> <li> (removed frames name it)

  function setStatus(text, state) {
    status.textContent = text;
    root.dataset.state = state;
  }

  function showError(text) {
    if (!errorBox) return;
    errorBox.textContent = text;
    errorBox.hidden = !text;
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    ws = new WebSocket(`${scheme}//${location.host}/ws/rooms/${encodeURIComponent(slug)}`);
    ws.addEventListener("open", () => {
      setStatus(lastId === null ? "Connected. Loading recent messages…" : "Reconnected. Catching up…", "syncing");
      ws.send(JSON.stringify({ type: "resume", after: lastId }));
    });
    ws.addEventListener("message", (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      handle(frame);
    });
    ws.addEventListener("close", (event) => {
      synced = false;
      const final = FINAL_CLOSES[event.code];
      if (final) { setStatus(final, "closed"); return; }
      attempt += 1;
      const delay = Math.min(15000, 500 * 2 ** Math.min(attempt - 1, 5)) * (0.5 + Math.random());
      setStatus(`Connection lost. Reconnecting in ${Math.max(1, Math.round(delay / 1000))} s…`, "reconnecting");
      setTimeout(connect, delay);
    });
  }

  function sendFrame(clientId, pending) {
    if (ws && ws.readyState === WebSocket.OPEN && synced) {
      const frame = { type: "send", body: pending.text, client_id: clientId };
      if (pending.note) frame.content_note = pending.note;
      ws.send(JSON.stringify(frame));
    }
  }

  function handle(frame) {
    if (typeof frame.id === "number") lastId = Math.max(lastId ?? 0, frame.id);
    switch (frame.type) {
      case "message": upsertMessage(frame); break;
      case "removed": removeMessage(frame); break;
      case "reactions": {
        const bar = byMessage.get(frame.message_id)?.querySelector("[data-react-message]");
        if (bar) applyCounts(bar, frame.reactions);
        break;
      }
      case "session": renderSession(frame); break;
      case "presence": renderPresence(frame); break;
      case "help": renderHelp(frame); break;
      case "error": onError(frame); break;
      case "synced":
        if (frame.reset) { log.replaceChildren(); byMessage.clear(); bySeq.clear(); }
        lastId = frame.last_id;
        synced = true;
        attempt = 0;
        setStatus("Connected.", "live");
        showLinkedMessage();
        for (const [clientId, pending] of outbox) sendFrame(clientId, pending); // retries are stored once
        break;
      default: break;
    }
  }

  // A notification's link (/rooms/{slug}#msg-{id}) names a message that only exists once the
  // history has loaded: bring it into view then, once.
  let linked = /^#msg-\d+$/.test(location.hash) ? location.hash.slice(1) : null;
  function showLinkedMessage() {
    const li = linked && document.getElementById(linked);
    if (!li) return;
    linked = null;
    li.classList.add("chat-linked");
    li.setAttribute("tabindex", "-1");
    li.scrollIntoView({ block: "center" });
    li.focus({ preventScroll: true });
  }

  function nearBottom() {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  }

  function upsertMessage(frame) {
    const stick = nearBottom();
    let li = byMessage.get(frame.message_id);
    const fresh = !li;
    if (fresh) li = el("li", { class: "chat-msg", id: `msg-${frame.message_id}` });
    li.dataset.seq = frame.seq;
    li.dataset.status = frame.status;
    li.classList.toggle("chat-held", frame.status !== "visible");
    const author = frame.author || {};
    const meta = el("p", { class: "meta" }, el("strong", { text: author.handle || "former member" }), " ",
      el("time", { datetime: frame.created_at, text: frame.created_at }));
    if (author.role && author.role !== "member") meta.append(" ", el("span", { class: "badge", text: author.role }));
    if (frame.status === "held") {
      meta.append(" ", el("span", { class: "badge badge-held", text: "waiting for review" }));
    }
    if (frame.status === "removed" || frame.status === "deleted") {
      // Only moderators are sent a message that was taken down (server/access.py).
      meta.append(" ", el("span", { class: "badge badge-held",
        text: frame.status === "removed" ? "removed by a moderator" : "deleted by its author" }));
    }
    const prose = el("div", { class: "prose" });
    prose.innerHTML = frame.body_html; // sanitized by the server (moderation.render_markdown)
    let body = prose;
    if (frame.content_note) {
      // Folded behind its note for readers; open for the writer.
      body = el("details", { class: "cn", open: author.handle === me },
        el("summary", { text: `This message talks about ${frame.content_note} — show` }), prose);
    }
    const parts = [meta, body];
    if (frame.status === "held") {
      parts.push(el("p", { class: "hint", text: "Only you and the moderators can see this until a moderator has looked at it." }));
    }
    if (frame.status === "visible") {
      parts.push(reactionBar(frame.message_id, frame.reactions, frame.my_reactions,
        { canReact: true, own: author.handle === me }));
    }
    if (author.handle !== me && frame.status === "visible") parts.push(reportControls(frame));
    li.replaceChildren(...parts);
    localize(li);
    if (fresh) {
      log.append(li);
      byMessage.set(frame.message_id, li);
      bySeq.set(frame.seq, li);
      while (log.children.length > MAX_LINES) {
        const old = log.firstElementChild;
        byMessage.delete(Number(old.id.replace("msg-", "")));
        bySeq.delete(Number(old.dataset.seq));
        old.remove();
      }
    }
    if (frame.client_id && author.handle === me) outbox.delete(frame.client_id);
    if (stick || author.handle === me) scroller.scrollTop = scroller.scrollHeight;
  }

  function removeMessage(frame) {
    const li = bySeq.get(frame.message_id) || byMessage.get(frame.message_db_id);
    if (!li) return;
    const text = frame.status === "deleted" ? "Deleted by its author." : "Removed by a moderator.";
    const parts = [el("p", { class: "meta", text })];
    if (frame.reason) parts.push(el("p", { class: "hint", text: `Reason: ${frame.reason}` }));
    li.replaceChildren(...parts);
    li.classList.add("chat-removed");
    li.dataset.status = frame.status;
  }

  function reportControls(frame) {
    const wrap = el("div", { class: "chat-actions" });
    const button = el("button", { type: "button", class: "link-button", "aria-expanded": "false",
      text: "Report" });
    button.setAttribute("aria-label", `Report message from ${frame.author?.handle || "former member"}`);
    button.addEventListener("click", () => {
      const open = wrap.querySelector("form");
      if (open) { open.remove(); button.setAttribute("aria-expanded", "false"); return; }
      button.setAttribute("aria-expanded", "true");
      wrap.append(reportForm(frame, button));
      wrap.querySelector("select").focus();
    });
    wrap.append(button);
    return wrap;
  }

  function reportForm(frame, button) {
    const id = `report-${frame.message_id}`;
    const select = el("select", { id: `${id}-reason`, name: "reason" },
      ...REASONS.map(([value, label]) => el("option", { value, text: label })));
    const note = el("input", { id: `${id}-note`, name: "note", maxlength: "1000" });
    const result = el("p", { class: "hint", role: "status" });
    const reportForm = el("form", { class: "report-form" },
      el("label", { for: `${id}-reason`, text: "Why are you reporting this message?" }), select,
      el("label", { for: `${id}-note`, text: "Anything moderators should know? (optional)" }), note,
      el("button", { type: "submit", text: "Send report" }), result);
    reportForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      result.textContent = "Sending…";
      try {
        const response = await fetch("/api/reports", {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": csrf },
          body: JSON.stringify({ target_type: "message", target_id: frame.message_id,
            reason: select.value, note: note.value }),
        });
        if (response.ok) {
          reportForm.replaceWith(el("p", { class: "hint", role: "status",
            text: "Thank you. A moderator will look at it." }));
          button.remove();
          return;
        }
        const data = await response.json().catch(() => ({}));
        result.textContent = data?.error?.message || "The report couldn't be sent. Please try again.";
      } catch {
        result.textContent = "The report couldn't be sent. Check your connection and try again.";
      }
    });
    return reportForm;
  }

  function renderSession(frame) {
    const s = frame.session || {};
    if (s.state !== "live") {
      if (sessionBox.dataset.sessionId === String(s.id) || !sessionBox.dataset.sessionId) {
        sessionBox.hidden = true;
        sessionBox.replaceChildren();
        delete sessionBox.dataset.sessionId;
      }
      if (frame.change === "ended") setStatus(`The session “${s.title}” has ended. The chat stays open.`, "live");
      return;
    }
    sessionBox.dataset.sessionId = String(s.id);
    const parts = [el("p", { class: "session-title" }, el("span", { class: "badge badge-live", text: "Live now" }),
      " ", el("strong", { text: s.title }))];
    if (s.facilitator) parts.push(el("p", { class: "meta", text: `Facilitated by ${s.facilitator.handle}` }));
    if (s.pinned_prompt_html) {
      const pin = el("div", { class: "prose" });
      pin.innerHTML = s.pinned_prompt_html; // sanitized by the server
      parts.push(el("div", { class: "pinned-prompt" }, el("p", { class: "pinned-label", text: "Pinned" }), pin));
    }
    const rules = [];
    if (s.locked) rules.push("The chat is paused: only facilitators can write.");
    if (s.slow_mode_seconds) rules.push(`Slow mode: one message every ${s.slow_mode_seconds} seconds.`);
    if (rules.length) parts.push(el("p", { class: "session-rules", text: rules.join(" ") }));
    sessionBox.replaceChildren(...parts);
    sessionBox.hidden = false;
  }

  function renderPresence(frame) {
    presenceCount.textContent = String(frame.count);
    presence.replaceChildren(...(frame.handles || []).map((h) => el("li", { text: h })));
    if (frame.count > (frame.handles || []).length) {
      presence.append(el("li", { text: `and ${frame.count - frame.handles.length} more` }));
    }
  }

  // The help panel is the page's own component (_help_panel.html), rendered by the server
  // into a <template> for this member's country: the chat shows exactly what every page shows.
  function renderHelp(frame) {
    const template = $("chat-help-template");
    if (!template) return;
    const panel = template.content.firstElementChild.cloneNode(true);
    const reasons = panel.querySelector(".help-reasons");
    if (reasons) reasons.replaceChildren(...(frame.reasons || []).map((r) => el("p", { text: r })));
    const close = el("button", { type: "button", class: "link-button", text: "Hide this panel" });
    close.addEventListener("click", () => { helpBox.hidden = true; input?.focus(); });
    panel.append(close);
    helpBox.replaceChildren(panel);
    helpBox.hidden = false;
    panel.querySelector("[tabindex='-1']")?.focus();
  }

  function onError(frame) {
    const pending = frame.client_id ? outbox.get(frame.client_id) : undefined;
    if (pending !== undefined) {
      outbox.delete(frame.client_id);
      if (input && !input.value) input.value = pending.text; // give the writer their words back
      if (noteInput && !noteInput.value && pending.note) noteInput.value = pending.note;
    }
    showError(frame.message || "That didn't work.");
  }

  if (form) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) { showError("Write something first."); return; }
      if (text.length > 4000) { showError("A message can be at most 4,000 characters."); return; }
      showError("");
      const clientId = newClientId();
      const pending = { text, note: noteInput ? noteInput.value.trim() : "" };
      outbox.set(clientId, pending);
      input.value = "";
      if (noteInput) noteInput.value = "";
      if (synced) sendFrame(clientId, pending);
      else setStatus("Not connected right now: your message will be sent when the chat reconnects.", root.dataset.state);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  wireReactions(root);
  connect();
}
