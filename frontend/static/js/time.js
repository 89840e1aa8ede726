// Show every <time datetime="..."> in the viewer's own time zone; <time data-age> shows how long
// ago instead ("12 min ago"), kept fresh once a minute, with the exact time as its title.
const fmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function age(when, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - when.getTime()) / 1000));
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  const days = Math.floor(seconds / 86400);
  return `${days} day${days === 1 ? "" : "s"} ago`;
}

export function localize(root = document) {
  for (const el of root.querySelectorAll("time[datetime]")) {
    const when = new Date(el.getAttribute("datetime"));
    if (!Number.isNaN(when.getTime())) {
      el.textContent = el.hasAttribute("data-age") ? age(when) : fmt.format(when);
      el.title = fmt.format(when);
    }
  }
}

localize();
if (document.querySelector("time[data-age]")) setInterval(() => localize(), 60000);
