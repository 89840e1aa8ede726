// The reply box: "Quote" on a post, and a live preview of what will be posted.
// Plain ES module, no build step, no inline handlers (strict CSP).
//
// Quote puts the text selected inside that post (or, with nothing selected there, the
// whole post) into the reply box as a Markdown blockquote under the author's handle.
// The preview is rendered by the server (POST /api/preview), by the same sanitizing
// renderer as what is posted, so what is shown is what will be posted.

const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
const PAUSE_MS = 500; // ask for a preview once the writer pauses, not on every key

// ---------------------------------------------------------------- quote

// Clicking a button can collapse the selection first, so remember the last one made in a post.
let lastSelection = { postId: null, text: "" };

function postOf(node) {
  const el = node instanceof Element ? node : node?.parentElement;
  return el?.closest("article.post[id^='post-']") || null;
}

document.addEventListener("selectionchange", () => {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return;
  const post = postOf(sel.anchorNode);
  if (post && post === postOf(sel.focusNode) && postOf(sel.getRangeAt(0).commonAncestorContainer)) {
    lastSelection = { postId: post.id, text: sel.toString() };
  }
});

export function blockquote(handle, text) {
  const lines = text.replace(/\r\n?/g, "\n").trim().split("\n");
  return [`> @${handle} wrote:`, ">", ...lines.map((line) => (line.trim() ? `> ${line}` : ">"))].join("\n");
}

function quoteText(post) {
  const sel = document.getSelection();
  if (sel && !sel.isCollapsed && postOf(sel.anchorNode) === post) return sel.toString();
  if (lastSelection.postId === post.id && lastSelection.text.trim()) return lastSelection.text;
  const prose = post.querySelector(".prose");
  return prose ? prose.innerText : "";
}

function insertQuote(box, quote) {
  const before = box.value.replace(/\s+$/, "");
  box.value = `${before ? `${before}\n\n` : ""}${quote}\n\n`;
  box.focus();
  box.setSelectionRange(box.value.length, box.value.length);
  box.dispatchEvent(new Event("input", { bubbles: true }));
}

const replyBox = document.querySelector("textarea[data-reply-box]");
for (const button of document.querySelectorAll("button[data-quote-author]")) {
  if (!replyBox) { button.hidden = true; continue; }
  button.addEventListener("click", () => {
    const post = button.closest("article.post");
    const text = post ? quoteText(post).trim() : "";
    if (!text) return;
    insertQuote(replyBox, blockquote(button.dataset.quoteAuthor, text));
    lastSelection = { postId: null, text: "" };
  });
}

// ---------------------------------------------------------------- preview

function setupPreview(box) {
  const out = document.getElementById(box.dataset.preview);
  if (!out) return;
  const status = document.getElementById(`${box.dataset.preview}-status`);
  let timer = null;
  let asked = 0;
  let shown = null;

  const say = (text) => { if (status) status.textContent = text; };

  async function render() {
    const body = box.value;
    if (body === shown) return;
    const mine = ++asked;
    try {
      const r = await fetch("/api/preview", {
        method: "POST", credentials: "same-origin", body: JSON.stringify({ body }),
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrf },
      });
      if (mine !== asked) return; // a newer text was sent meanwhile
      const data = await r.json().catch(() => ({}));
      if (r.ok) {
        // Sanitized by the server's renderer (the one that renders what is posted).
        out.innerHTML = data.html || "";
        out.hidden = !data.html;
        shown = body;
        say(data.html ? "" : "Nothing to preview yet.");
      } else if (r.status === 429) {
        const wait = parseInt(r.headers.get("Retry-After"), 10) || 5;
        say("Preview paused for a moment.");
        clearTimeout(timer);
        timer = setTimeout(render, wait * 1000);
      } else {
        say(data.error?.message || "The preview isn't available right now.");
      }
    } catch {
      say("We couldn't reach the server for a preview.");
    }
  }

  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(render, PAUSE_MS);
  });
  if (box.value.trim()) render();
}

document.querySelectorAll("textarea[data-preview]").forEach(setupPreview);
