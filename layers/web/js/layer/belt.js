/* The belt: a bold line along each land border with Russia and Belarus whose State has announced,
   notified or completed withdrawal; dotted while the State's exit is a contested suspension
   (Ukraine). Which border is in the belt on a day is computed in geodata/belt.py and sent as
   runs of days: the browser only looks it up. */

import {el} from "../core/dom.js";
import {km} from "../core/format.js";
import {t} from "../core/i18n.js";
import {valueAt} from "../core/lookup.js";

export const beltLayer = {
  name: "belt",
  needs: [],
  start({L, map, data, controller}) {
    const pane = map.createPane("mbt-belt");
    pane.style.zIndex = 450;
    const features = new Map(data.borders.features.map((f) => [`${f.properties.iso3}-${f.properties.neighbour}`, f]));
    const lines = data.belt.pairs.map(([iso3, neighbour, measured, , runs]) => {
      const feature = features.get(`${iso3}-${neighbour}`);
      const halo = L.geoJSON(feature, {pane: "mbt-belt", interactive: false,
        style: {color: data.palette["belt-halo"], weight: 8, opacity: 0, lineCap: "round"}}).addTo(map);
      const line = L.geoJSON(feature, {pane: "mbt-belt",
        style: {color: data.palette.belt, weight: 4.5, opacity: 0, lineCap: "round"}}).addTo(map);
      line.bindTooltip(() => {
        const box = el("div", "mbt-tip");
        el("div", "mbt-name", `${data.units[iso3].n} – ${data.units[neighbour].n}`, box);
        el("div", "", t("{length} measured on the 1:10m boundaries", {length: km(measured)}), box);
        const style = data.styles[valueAt(data.units[iso3].r, controller.state.day)];
        el("div", "mbt-status", t(style.label), box);
        return box;
      }, {sticky: true});
      return {key: `${iso3}-${neighbour}`, runs, halo, line, state: null};
    });
    const update = (day) => {
      for (const border of lines) {
        const state = valueAt(border.runs, day, "off");
        if (state === border.state) continue;
        border.state = state;
        const opacity = state === "off" ? 0 : 1;
        border.halo.setStyle({opacity});
        border.line.setStyle({opacity, dashArray: state === "contested" ? "2 9" : null, weight: state === "contested" ? 3.5 : 4.5});
      }
    };
    map.on("mbt:day", (e) => update(e.day));
    update(controller.state.day);
    return {states: () => Object.fromEntries(lines.map((b) => [b.key, b.state]))};
  },
};
