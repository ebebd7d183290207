/* The history chart on the map: States by status since 1997, and below it the States bound
   since 2024 on an axis near the top, where each withdrawal is a visible step (both SVGs drawn
   by layers/picture/chart.py, their text escaped there), each with a line that follows the date
   while shown. In presentation mode it is shown where it fits below the panels at the top left;
   once the user presses Chart, their choice stays. The view is fitted around it. */

import {isoDay} from "../core/days.js";
import {t} from "../core/i18n.js";
import {markOpen} from "./open.js";
import {addPanel} from "./panel.js";

export const chart = {
  name: "chart",
  needs: ["timebar"],  /* its button joins the date control's row */
  after: ["caption", "beltpanel"],
  start({L, map, data, controller, parts}, settings) {
    const box = addPanel(L, map, "bottomleft", "mbt-chartbox", (panel) => {
      panel.innerHTML = settings.charts.map((c) => c.svg).join("");
      speak(panel, data);
      panel.hidden = true;  /* until auto() decides */
    });
    const charts = settings.charts.map((c) => ({...c, line: box.querySelector(`#${c.marker}`), x: null}));
    const update = (day) => {
      if (box.hidden) return;  /* moved when shown */
      for (const c of charts) {
        const share = Math.min(1, Math.max(0, (day - c.start) / Math.max(1, c.end - c.start)));
        const x = (c.left + (c.right - c.left) * share).toFixed(1);
        if (x === c.x) continue;
        c.x = x;
        c.line.setAttribute("x1", x);
        c.line.setAttribute("x2", x);
        c.line.style.visibility = day < c.start ? "hidden" : "";
      }
    };
    const toggle = parts.timebar.addButton(t("Chart"), t("History chart: States by status since 1997"));
    const show = (on) => {
      const changed = box.hidden === on;
      box.hidden = !on;
      toggle.setAttribute("aria-pressed", String(on));
      update(controller.state.day);
      if (changed) map.fire("mbt:panels");  /* the view is refitted around it */
    };
    let chosen = false;
    const fits = () => {
      const above = map.getContainer().querySelector(".leaflet-top.leaflet-left"), hidden = box.hidden;
      box.hidden = false;
      const room = above.getBoundingClientRect().bottom <= box.getBoundingClientRect().top;
      box.hidden = hidden;
      return room;
    };
    const auto = () => { if (!chosen) show(controller.state.present && fits()); };
    toggle.addEventListener("click", () => {
      chosen = true;
      show(box.hidden);
      markOpen(map, toggle, box.hidden ? null : () => show(false));
    });
    map.on("resize mbt:present", auto);
    map.on("mbt:day", (e) => update(e.day));
    auto();
    return {box};
  },
};

/* The charts' words in the page's language (their shapes are the same in every language): the
   labels, the headings, the month ticks and each event mark's title, set as text. */
function speak(panel, data) {
  const words = data.chartWords;
  if (!words) return;
  panel.querySelectorAll("svg").forEach((svg, i) => { if (words.labels[i]) svg.setAttribute("aria-label", words.labels[i]); });
  for (const [selector, text] of [[".mbt-chart-heading", words.heading], [".mbt-chart-inset-heading", words.insetHeading]]) {
    const node = panel.querySelector(selector);
    if (node && text) node.textContent = text;
  }
  panel.querySelectorAll(".mbt-chart-month").forEach((tick, i) => { if (words.months[i]) tick.textContent = words.months[i]; });
  for (const mark of panel.querySelectorAll("[data-event]")) {
    const event = data.events[Number(mark.dataset.event)], title = mark.querySelector("title");
    if (event && title) title.textContent = `${isoDay(event[0])}: ${event[3]}`;
  }
}
