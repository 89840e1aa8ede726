// Show every <time datetime="..."> in the viewer's own time zone.
const fmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function localize(root = document) {
  for (const el of root.querySelectorAll("time[datetime]")) {
    const when = new Date(el.getAttribute("datetime"));
    if (!Number.isNaN(when.getTime())) {
      el.textContent = fmt.format(when);
      el.title = when.toISOString();
    }
  }
}

localize();
