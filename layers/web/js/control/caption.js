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
    let date, when, what, note, source;
    addPanel(L, map, "topleft", "mbt-caption", (box) => {
      el("h1", "mbt-title", t(settings.heading), box);  /* the map document's one h1 */
      date = el("div", "mbt-date", "", box);
      date.setAttribute("data-testid", "map-date");
      when = el("div", "mbt-when", "", box);
      what = el("div", "mbt-event", "", box);
      note = el("div", "mbt-note", "", box);  /* a tour stop's note */
      note.hidden = true;
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
      note.textContent = event && event[5] ? event[5] : "";
      note.hidden = !note.textContent;
      const cited = event && event[4] !== null && event[4] !== undefined ? data.sources[event[4]] : "";
      source.textContent = cited ? t("Source: {source}", {source: cited}) : "";
    };
    map.on("mbt:day", (e) => update(e.day, e.event));
    update(controller.state.day);
  },
};
