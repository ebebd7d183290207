/* The events around the day, with sources: a list on the map for the single-file export (in the
   app the page shows the same list beside the map). */

import {button, el} from "../core/dom.js";
import {isoDay} from "../core/days.js";
import {t} from "../core/i18n.js";
import {lastAtOrBefore} from "../core/lookup.js";
import {markOpen} from "./open.js";
import {addPanel} from "./panel.js";

export const eventsPanel = {
  name: "events",
  needs: [],
  after: ["caption", "beltpanel"],  /* the last panel of the top left corner */
  start({L, map, data, controller}, settings) {
    let list, last = null;
    const update = (day, force) => {
      const index = lastAtOrBefore(data.events, day);
      if (!force && (index === last || list.hidden)) return;
      last = index;
      list.textContent = "";
      const from = Math.max(0, index - settings.before + 1), to = Math.min(data.events.length, index + 1 + settings.after);
      data.events.slice(from, to).forEach((event, i) => {
        const item = el("li", from + i > index ? "mbt-later" : "", null, list);
        el("span", "mbt-when", `${isoDay(event[0])} `, item);
        el("span", "", event[3], item);
        el("div", "mbt-source", data.sources[event[4]], item);
      });
    };
    addPanel(L, map, "topleft", "mbt-events", (box) => {
      const toggle = button(box, t("Events around the date ▾"));
      toggle.setAttribute("aria-expanded", "false");
      list = el("ol", "", null, box);
      list.hidden = true;
      const show = (on) => {
        list.hidden = !on;
        toggle.setAttribute("aria-expanded", String(on));
        markOpen(map, toggle, on ? () => show(false) : null);
        update(controller.state.day, true);
      };
      toggle.addEventListener("click", () => show(list.hidden));
    });
    map.on("mbt:day", (e) => update(e.day, false));
  },
};
