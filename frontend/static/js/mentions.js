// @-autocomplete of handles in the composer (the reply box and the chat input).
// Typing "@" and the start of a handle asks GET /api/members/suggest (members of this room
// first); the suggestions are an ARIA listbox tied to the text box (aria-controls,
// aria-activedescendant). Arrow keys move, Enter or Tab picks, Escape closes.
// Plain module, no build step, no inline handlers (strict CSP).

const TOKEN = /(^|[^A-Za-z0-9_.+@-])@([A-Za-z0-9_-]{1,32})$/;
const PAUSE_MS = 150;
let counter = 0;

function setup(box) {
  const id = `mentions-${++counter}`;
  const list = document.createElement("ul");
  list.id = id;
  list.className = "mention-list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Members to mention");
  list.hidden = true;
  const status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  box.after(list, status);
  box.setAttribute("aria-autocomplete", "list");
  box.setAttribute("aria-controls", id);

  let handles = [];
  let active = -1;
  let token = null; // {start, end} of the "@partial" being completed
  let timer = 0;
  let asked = 0;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    handles = [];
    active = -1;
    box.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", i === index ? "true" : "false"));
    if (index >= 0) box.setAttribute("aria-activedescendant", `${id}-${index}`);
    else box.removeAttribute("aria-activedescendant");
  }

  function show(found) {
    handles = found;
    list.replaceChildren(...found.map((handle, i) => {
      const li = document.createElement("li");
      li.id = `${id}-${i}`;
      li.setAttribute("role", "option");
      li.textContent = `@${handle}`;
      li.addEventListener("mousedown", (event) => { event.preventDefault(); pick(i); });
      return li;
    }));
    list.hidden = !found.length;
    highlight(found.length ? 0 : -1);
    status.textContent = found.length
      ? `${found.length} member${found.length === 1 ? "" : "s"} found. Arrow keys to choose, Enter to pick.`
      : "";
  }

  function pick(index) {
    const handle = handles[index];
    if (!handle || !token) return;
    const text = box.value;
    const insert = `@${handle} `;
    box.value = text.slice(0, token.start) + insert + text.slice(token.end);
    const caret = token.start + insert.length;
    box.setSelectionRange(caret, caret);
    close();
    status.textContent = `@${handle} added.`;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.focus();
  }

  async function lookup(prefix) {
    const mine = ++asked;
    const params = new URLSearchParams({ q: prefix });
    if (box.dataset.room) params.set("room", box.dataset.room);
    try {
      const r = await fetch(`/api/members/suggest?${params}`, { credentials: "same-origin",
        headers: { Accept: "application/json" } });
      if (!r.ok || mine !== asked) return;
      show((await r.json()).handles || []);
    } catch { close(); }
  }

  box.addEventListener("input", () => {
    const caret = box.selectionStart;
    const match = TOKEN.exec(box.value.slice(0, caret));
    clearTimeout(timer);
    if (!match || box.selectionEnd !== caret) { token = null; close(); return; }
    token = { start: caret - match[2].length - 1, end: caret };
    timer = setTimeout(() => lookup(match[2]), PAUSE_MS);
  });
  box.addEventListener("blur", () => setTimeout(close, 100));

  // Capture on the form, so picking with Enter never also sends the message.
  (box.form || box.parentElement).addEventListener("keydown", (event) => {
    if (event.target !== box || list.hidden || !handles.length) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight((active + step + handles.length) % handles.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      if (event.shiftKey) return;
      pick(active < 0 ? 0 : active);
    } else if (event.key === "Escape") {
      close();
      status.textContent = "Suggestions closed.";
    } else {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);
}

for (const box of document.querySelectorAll("textarea[data-mentions]")) setup(box);
