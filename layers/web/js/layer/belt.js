/* The belt: a bold line along each land border with Russia and Belarus whose State has announced,
   notified or completed withdrawal; dotted while the State's exit is a contested suspension
   (Ukraine). Which border is in the belt on a day is computed in geodata/belt.py and sent as
   runs of days: the browser only looks it up. The lines come in each view's projection. */

import {el} from "../core/dom.js";
import {km} from "../core/format.js";
import {t} from "../core/i18n.js";
import {valueAt} from "../core/lookup.js";
import {decodeLine} from "../map/crs.js";
import {projectedSets} from "./projected.js";

export const beltLayer = {
  name: "belt",
  needs: [],
  start({L, map, data, controller}) {
    const pane = map.createPane("mbt-belt");
    pane.style.zIndex = 450;
    const tooltip = (iso3, neighbour, measured) => {
      const box = el("div", "mbt-tip");
      el("div", "mbt-name", `${data.units[iso3].n} – ${data.units[neighbour].n}`, box);
      el("div", "", t("{length} measured on the 1:10m boundaries", {length: km(measured)}), box);
      el("div", "mbt-status", t(data.styles[valueAt(data.units[iso3].r, controller.state.day)].label), box);
      return box;
    };
    const build = (name) => {
      const {borders, unit} = data.projections[name];
      const group = L.layerGroup();
      const lines = data.belt.pairs.map(([iso3, neighbour, measured, , runs]) => {
        const points = (borders[`${iso3}-${neighbour}`] || []).map((line) => decodeLine(line, unit));
        const halo = L.polyline(points, {pane: "mbt-belt", interactive: false, color: data.palette["belt-halo"], weight: 8, opacity: 0, lineCap: "round"});
        const line = L.polyline(points, {pane: "mbt-belt", color: data.palette.belt, weight: 4.5, opacity: 0, lineCap: "round"});
        line.bindTooltip(() => tooltip(iso3, neighbour, measured), {sticky: true});
        /* Not a Tab stop (layer/status.js says why). */
        line.on("add", () => line.getElement().setAttribute("tabindex", "-1"));
        group.addLayer(halo).addLayer(line);
        return {key: `${iso3}-${neighbour}`, runs, halo, line, points, state: null};
      });
      return {group, lines};
    };
    const update = (day) => {
      for (const border of projected.current.lines) {
        const state = valueAt(border.runs, day, "off");
        if (state === border.state) continue;
        border.state = state;
        const opacity = state === "off" ? 0 : 1;
        border.halo.setStyle({opacity});
        border.line.setStyle({opacity, dashArray: state === "contested" ? "2 9" : null, weight: state === "contested" ? 3.5 : 4.5});
      }
    };
    const projected = projectedSets(map, data, build, () => update(controller.state.day));
    const show = (view) => projected.show(view);
    map.on("mbt:day", (e) => update(e.day));
    map.on("mbt:view", (e) => show(e.view));
    show(controller.state.view);
    return {
      states: () => Object.fromEntries(projected.current.lines.map((b) => [b.key, b.state])),
      /** The lines shown, as [y, x] km points (names must not cover them). */
      lines: () => projected.current.lines.map((b) => b.points).flat(),
    };
  },
};
