/* The legend: every status with its swatch (colour, hatch, dashed outline) and the count of
   States in it on the day. */

import {el} from "../core/dom.js";
import {t} from "../core/i18n.js";
import {lastAtOrBefore} from "../core/lookup.js";
import {fill} from "../layer/patterns.js";
import {addPanel} from "./panel.js";

const SVG = "http://www.w3.org/2000/svg";

export const legend = {
  name: "legend",
  needs: [],
  start({L, map, data, controller}) {
    const cells = [], rows = [];
    addPanel(L, map, "topright", "mbt-legend", (box) => {
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", t("Legend"));
      el("h2", "mbt-title", t("States by status"), box);
      const table = el("table", "", null, box);
      data.styles.forEach((style) => {
        const row = el("tr", "", null, table);
        row.title = t(style.description);
        el("td", "", null, row).appendChild(swatch(style, data.palette));
        el("td", "", t(style.label), row);
        cells.push(el("td", "mbt-n", "", row));
        rows.push(row);
      });
      el("div", "mbt-source", t("Counts: the {count} States (UN members and observers, Cook Islands, Niue). Territories take their State's colour.", {count: data.states}), box);
    });
    let last = null;
    const update = (day) => {
      const index = lastAtOrBefore(data.counts, day);
      if (index === last || index < 0) return;
      last = index;
      data.counts[index][1].forEach((count, i) => {
        cells[i].textContent = count;
        rows[i].className = count ? "" : "mbt-zero";
      });
    };
    map.on("mbt:day", (e) => update(e.day));
    update(controller.state.day);
  },
};

function swatch(style, palette) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "mbt-swatch");
  svg.setAttribute("viewBox", "0 0 22 14");
  svg.setAttribute("aria-hidden", "true");
  const rect = document.createElementNS(SVG, "rect");
  const attributes = {x: 0.5, y: 0.5, width: 21, height: 13, fill: fill(style),
    stroke: style.outline_dash ? palette.outline : palette["swatch-border"], "stroke-width": style.outline_dash ? 1.4 : 0.6};
  if (style.outline_dash) attributes["stroke-dasharray"] = style.outline_dash;
  for (const [name, value] of Object.entries(attributes)) rect.setAttribute(name, value);
  svg.appendChild(rect);
  return svg;
}
