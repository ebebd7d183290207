/* The caption: the date, large, and the latest event on or before it with its source (or the
   event a tour stop names). */

import {el} from "../core/dom.js";
import {isoDay} from "../core/days.js";
import {longDay} from "../core/format.js";
import {t} from "../core/i18n.js";
import {lastAtOrBefore} from "../core/lookup.js";
import {addPanel} from "./panel.js";

export const caption = {
  name: "caption",
  needs: [],
  start({L, map, data, controller}, settings) {
    let date, when, what, source;
    addPanel(L, map, "topleft", "mbt-caption", (box) => {
      el("h1", "mbt-title", t(settings.heading), box);  /* the map document's one h1 */
      date = el("div", "mbt-date", "", box);
      date.setAttribute("data-testid", "map-date");
      when = el("div", "mbt-when", "", box);
      what = el("div", "mbt-event", "", box);
      source = el("div", "mbt-source", "", box);
    });
    let last;
    const update = (day, shown) => {
      date.textContent = longDay(day);
      const index = lastAtOrBefore(data.events, day);
      const event = shown || (index < 0 ? null : data.events[index]);
      if (event === last) return;
      last = event;
      when.textContent = event ? t("Latest event, {date}:", {date: isoDay(event[0])}) : "";
      what.textContent = event ? event[3] : "";
      source.textContent = event ? t("Source: {source}", {source: data.sources[event[4]]}) : "";
    };
    map.on("mbt:day", (e) => update(e.day, e.event));
    update(controller.state.day);
  },
};
