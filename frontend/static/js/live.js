// Live-session forms: read the schedule form's times in the viewer's own time zone.
import "./confirm.js";

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
for (const input of document.querySelectorAll("input[data-timezone]")) input.value = zone;
for (const label of document.querySelectorAll("[data-timezone-name]")) label.textContent = zone;
