/* The caption: the date, large, and the latest event on or before it with its source (or the
   event a tour stop names). */

import {el} from "../core/dom.js";
import {isoDay, parseDay, parts} from "../core/days.js";
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
    /* The date keeps to one line (it must not jump while playing): where the language's
       longest date would not fit the caption ("2026 m. vasario 20 d." in presentation mode at
       1280 px), its size comes down until that one fits. */
    const fitDate = () => {
      date.style.fontSize = "";
      const style = getComputedStyle(date), size = parseFloat(style.fontSize);
      const context = document.createElement("canvas").getContext("2d");
      context.font = `${style.fontWeight} ${size}px ${style.fontFamily}`;
      const spacing = (parseFloat(style.letterSpacing) || 0) * 24;
      const widest = Math.max(...longestDates(controller.state.day).map((text) => context.measureText(text).width)) + spacing;
      const room = date.parentNode.clientWidth - parseFloat(getComputedStyle(date.parentNode).paddingLeft)
        - parseFloat(getComputedStyle(date.parentNode).paddingRight);
      if (room > 0 && widest > room) date.style.fontSize = `${Math.floor(size * room / widest)}px`;
    };
    fitDate();
    map.on("resize mbt:present", () => requestAnimationFrame(fitDate));
  },
};

/* A long date of each month (the 28th, two-digit days) of the day's year: the widest the caption
   may have to show in this language. */
function longestDates(day) {
  const {year} = parts(day);
  return Array.from({length: 12}, (_, month) => longDay(parseDay(`${year}-${String(month + 1).padStart(2, "0")}-28`)));
}
