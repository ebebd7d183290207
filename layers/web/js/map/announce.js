/* For screen readers: a summary of the date once it settles (not on every frame): the counts of
   States by status and the latest event. */

import {el} from "../core/dom.js";
import {longDay} from "../core/format.js";
import {t} from "../core/i18n.js";
import {lastAtOrBefore} from "../core/lookup.js";

export function summaryText(data, day) {
  const counts = data.counts[Math.max(0, lastAtOrBefore(data.counts, day))][1];
  const parts = data.styles.flatMap((style, i) => (counts[i] ? [`${counts[i]} ${t(style.label)}`] : []));
  const index = lastAtOrBefore(data.events, day);
  const event = index < 0 ? null : data.events[index];
  let text = t("{date}. States: {counts}.", {date: longDay(day), counts: parts.join(", ")});
  if (event) text += ` ${t("Latest event: {title}.", {title: event[3]})}`;
  return text;
}

export const announce = {
  name: "announce",
  needs: ["timebar"],
  start({map, data, controller, parts}) {
    const live = el("div", "mbt-sr", "", parts.timebar.box);
    live.setAttribute("aria-live", "polite");
    live.setAttribute("data-testid", "summary");
    const say = () => { live.textContent = summaryText(data, controller.state.day); };
    map.on("mbt:settle", say);
    say();
  },
};
