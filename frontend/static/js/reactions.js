// Support reactions: toggle buttons (aria-pressed) on posts and chat messages.
// The server answers every PUT/DELETE with the item's counts and your own kinds; the chat
// also gets everyone's changes live (the `reactions` frame, applied by chat.js with
// applyCounts). No build step: a plain module, imported by chat.js and loaded by thread pages.

export const KINDS = [
  ["support", "🫂", "sending support"],
  ["me_too", "🙋", "me too"],
  ["thanks", "🙏", "thank you"],
  ["helped", "💡", "this helped"],
];

const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content || "";

// The button's name is what it shows: "sending support 2" (the emoji is decoration).
function setButton(button, count, pressed) {
  button.querySelector(".reaction-count").textContent = String(count);
  if (pressed !== undefined) button.setAttribute("aria-pressed", pressed ? "true" : "false");
}

// Counts from the server (kinds with none are left out); `mine` (optional) your own kinds.
export function applyCounts(bar, reactions, mine) {
  for (const button of bar.querySelectorAll("button.reaction")) {
    const kind = button.dataset.kind;
    setButton(button, (reactions || {})[kind] || 0, mine ? mine.includes(kind) : undefined);
  }
}

function endpoint(bar) {
  if (bar.dataset.reactPost) return `/api/posts/${bar.dataset.reactPost}/reactions`;
  return `/api/messages/${bar.dataset.reactMessage}/reactions`;
}

async function toggle(bar, button) {
  const on = button.getAttribute("aria-pressed") !== "true";
  const status = bar.querySelector("[data-react-status]");
  button.disabled = true;
  try {
    const r = await fetch(`${endpoint(bar)}/${button.dataset.kind}`, {
      method: on ? "PUT" : "DELETE", credentials: "same-origin",
      headers: { Accept: "application/json", "x-csrf-token": csrf() },
    });
    const data = await r.json().catch(() => ({}));
    if (!r.ok) {
      if (status) status.textContent = data?.error?.message || "That reaction couldn't be saved.";
      return;
    }
    applyCounts(bar, data.reactions, data.my_reactions);
    if (status) status.textContent = on ? `You reacted: ${button.dataset.label}.` : "Reaction taken back.";
  } catch {
    if (status) status.textContent = "That reaction couldn't be saved. Check your connection.";
  } finally {
    button.disabled = false;
  }
}

async function showReactors(bar, button) {
  const list = bar.querySelector(".reactors");
  const open = button.getAttribute("aria-expanded") === "true";
  button.setAttribute("aria-expanded", open ? "false" : "true");
  list.hidden = open;
  if (open) return;
  list.replaceChildren();
  try {
    const r = await fetch(endpoint(bar), { credentials: "same-origin", headers: { Accept: "application/json" } });
    const data = await r.json();
    const reactors = r.ok ? data.reactors || {} : {};
    for (const [kind, emoji, label] of KINDS) {
      const handles = reactors[kind];
      if (!handles || !handles.length) continue;
      const li = document.createElement("li");
      li.textContent = `${emoji} ${label}: ${handles.join(", ")}`;
      list.append(li);
    }
    if (!list.children.length) {
      const li = document.createElement("li");
      li.textContent = "No reactions yet.";
      list.append(li);
    }
  } catch {
    list.hidden = true;
    button.setAttribute("aria-expanded", "false");
  }
}

// One listener for every bar on the page, present or added later (chat lines).
export function wire(root = document) {
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    const bar = button?.closest("[data-react-post], [data-react-message]");
    if (!bar) return;
    if (button.classList.contains("reaction")) toggle(bar, button);
    else if (button.hasAttribute("data-who-reacted")) showReactors(bar, button);
  });
}

// A chat message's bar: buttons when the member may react, else the counts alone.
export function reactionBar(messageId, reactions, mine, { canReact, own }) {
  const bar = document.createElement("div");
  bar.className = "reactions";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "Reactions to this message");
  bar.dataset.reactMessage = String(messageId);
  for (const [kind, emoji, label] of KINDS) {
    const count = (reactions || {})[kind] || 0;
    if (!canReact) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "reaction";
    button.dataset.kind = kind;
    button.dataset.label = label;
    const icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = emoji;
    const number = document.createElement("span");
    number.className = "reaction-count";
    button.append(icon, ` ${label} `, number);
    setButton(button, count, (mine || []).includes(kind));
    bar.append(button);
  }
  if (own) {
    const who = document.createElement("button");
    who.type = "button";
    who.className = "link-button";
    who.dataset.whoReacted = "";
    who.setAttribute("aria-expanded", "false");
    who.textContent = "Who reacted";
    const list = document.createElement("ul");
    list.className = "reactors";
    list.hidden = true;
    bar.append(who, list);
  }
  const status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.dataset.reactStatus = "";
  bar.append(status);
  return bar;
}

if (document.querySelector("[data-react-post]")) wire(document);
