// The notifications page: following a notification's link marks it read.
// Plain ES module, no build step. The request is sent with keepalive so it survives
// the navigation; the link works the same without it (it just stays unread).

const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a[data-notification-id][data-unread]") : null;
  if (!link) return;
  const id = parseInt(link.dataset.notificationId, 10);
  if (!Number.isInteger(id)) return;
  link.removeAttribute("data-unread");
  fetch("/api/notifications/read", {
    method: "POST", credentials: "same-origin", keepalive: true, body: JSON.stringify({ ids: [id] }),
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrf },
  }).catch(() => { /* still unread: nothing lost */ });
});
