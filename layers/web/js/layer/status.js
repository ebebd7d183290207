/* The choropleth: every map unit filled by its status on the day. The shapes come once, in the
   page's data; a date change restyles only the units whose status changed. Tooltips give the
   unit's status on the day, its key dates and its source. */

import {el} from "../core/dom.js";
import {isoDay} from "../core/days.js";
import {longDay} from "../core/format.js";
import {t} from "../core/i18n.js";
import {valueAt} from "../core/lookup.js";
import {fill} from "./patterns.js";

export const statusLayer = {
  name: "status",
  needs: [],
  start({L, map, data, controller}) {
    const units = data.units, drawn = {}, shown = {};
    const styleFor = (index) => {
      const style = data.styles[index];
      return {
        fillColor: fill(style), fillOpacity: 1, opacity: 1,
        color: style.outline_dash ? data.palette.outline : data.palette.border,
        weight: style.outline_dash ? 1.6 : 0.6,
        dashArray: style.outline_dash || null,
      };
    };
    const tooltip = (iso3) => unitTooltip(data, iso3, controller.state.day);
    const register = (iso3, layer) => {
      (drawn[iso3] = drawn[iso3] || []).push(layer);
      layer.on("add", () => layer.getElement()?.setAttribute("data-iso3", iso3));
      layer.addTo(map);
      layer.bindTooltip(() => tooltip(iso3), {sticky: true, direction: "auto", opacity: 0.97});
    };
    for (const [iso3, point, polygons] of data.shapes) {
      shown[iso3] = valueAt(units[iso3].r, controller.state.day);  /* drawn in the day's style at once */
      if (polygons.length) register(iso3, L.polygon(polygons.map((rings) => rings.map((ring) => decodeRing(ring))), styleFor(shown[iso3])));
      if (point) register(iso3, L.circleMarker([point[1], point[0]], {radius: 4.5, ...styleFor(shown[iso3])}));
    }
    const recolour = (day) => {
      for (const iso3 in drawn) {
        const index = valueAt(units[iso3].r, day);
        if (shown[iso3] === index) continue;
        shown[iso3] = index;
        const style = styleFor(index);
        for (const layer of drawn[iso3]) layer.setStyle(style);
      }
    };
    map.on("mbt:day", (e) => recolour(e.day));
    return {tooltip, recolour};
  },
};

/** A unit's tooltip on *day*: name, status, whose status it shows, key dates, note, source. */
export function unitTooltip(data, iso3, day) {
  const unit = data.units[iso3], style = data.styles[valueAt(unit.r, day)];
  const box = el("div", "mbt-tip");
  el("div", "mbt-name", unit.n + (unit.of ? ` (${unit.of})` : ""), box);
  el("div", "mbt-status", t("{status} on {date}", {status: t(style.label), date: longDay(day)}), box);
  if (unit.pre && day < unit.pre[0]) {
    el("div", "", t("Part of {state} until {date}: shown with its status.", {state: unit.pre[1], date: isoDay(unit.pre[0])}), box);
  } else if (unit.of) {
    el("div", "", t("Shown with the status of {state}.", {state: unit.of}), box);
  }
  if (unit.d.length) {
    const table = el("table", "", null, box);
    for (const [label, date] of unit.d) {
      const row = el("tr", "", null, table);
      el("td", "", t(label), row);
      el("td", "", date, row);
    }
  }
  if (unit.note) el("div", "mbt-source", unit.note, box);
  el("div", "mbt-source", t("Source: {source}", {source: data.sources[unit.s]}), box);
  return box;
}

/* Shapes come as delta-encoded integer rings (layers/web/payload.py encode_shapes). */
export function decodeRing(flat, scale = 1000) {
  const points = new Array(flat.length / 2);
  let x = 0, y = 0;
  for (let i = 0; i < flat.length; i += 2) {
    x += flat[i];
    y += flat[i + 1];
    points[i / 2] = [y / scale, x / scale];
  }
  return points;
}
