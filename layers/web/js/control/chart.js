/* The history chart on the map (an SVG drawn by layers/picture/chart.py, its text escaped
   there), with a line that follows the date while it is shown. In presentation mode it is shown
   where it fits below the panels at the top left; once the user presses Chart, their choice
   stays. */

import {t} from "../core/i18n.js";
import {addPanel} from "./panel.js";

export const chart = {
  name: "chart",
  needs: ["timebar"],  /* its button joins the date control's row */
  after: ["caption", "beltpanel"],
  start({L, map, controller, parts}, settings) {
    const box = addPanel(L, map, "bottomleft", "mbt-chartbox", (panel) => {
      panel.innerHTML = settings.svg;
      panel.hidden = true;  /* until auto() decides */
    });
    const line = box.querySelector(`#${settings.marker}`);
    let shownX = null;
    const update = (day) => {
      if (box.hidden) return;  /* moved when shown */
      const x = (settings.left + (settings.right - settings.left) * (day - settings.start) / Math.max(1, settings.end - settings.start)).toFixed(1);
      if (x === shownX) return;
      shownX = x;
      line.setAttribute("x1", x);
      line.setAttribute("x2", x);
    };
    const toggle = parts.timebar.addButton(t("Chart"), t("History chart: States by status since 1997"));
    const show = (on) => {
      box.hidden = !on;
      toggle.setAttribute("aria-pressed", String(on));
      update(controller.state.day);
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
    toggle.addEventListener("click", () => { chosen = true; show(box.hidden); });
    map.on("resize mbt:present", auto);
    map.on("mbt:day", (e) => update(e.day));
    auto();
    return {box};
  },
};
