/* The choropleth: every map unit filled by its status on the day. The shapes come once, in the
   page's data, in each view's projection; the units of the projection shown are on the map, and
   a date change restyles only those whose status changed. Tooltips give the unit's status on
   the day, its key dates and its source. */

import {el} from "../core/dom.js";
import {longDay} from "../core/format.js";
import {t} from "../core/i18n.js";
import {valueAt} from "../core/lookup.js";
import {shownWith} from "../core/phrases.js";
import {closeTooltips} from "../control/open.js";
import {decodeLine} from "../map/crs.js";
import {fill} from "./patterns.js";
import {projectedSets} from "./projected.js";

export const statusLayer = {
  name: "status",
  needs: [],
  start({L, map, data, controller, parts}) {
    const units = data.units;
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
    /* One projection's shapes, built the first time a view in it is shown. */
    const build = (name) => {
      const {shapes, unit} = data.projections[name];
      const set = {group: L.layerGroup(), drawn: {}, shown: {}};
      for (const [iso3, point, polygons] of shapes) {
        const layers = set.drawn[iso3] = [];
        const style = styleFor(set.shown[iso3] = valueAt(units[iso3].r, controller.state.day));
        if (polygons.length) layers.push(L.polygon(polygons.map((rings) => rings.map((ring) => decodeLine(ring, unit))), style));
        if (point) layers.push(L.circleMarker([point[1] * unit, point[0] * unit], {radius: 4.5, ...style}));
        for (const layer of layers) {
          layer.on("add", () => {
            const element = layer.getElement();
            element.setAttribute("data-iso3", iso3);
            /* Leaflet listens for focus on a shape with a tooltip, and Chromium makes an SVG
               element with a focus listener a Tab stop: hundreds of them before Play. -1 keeps
               it out of the Tab order (countries are reached another way: README, Keys). */
            element.setAttribute("tabindex", "-1");
          });
          layer.bindTooltip(() => tooltip(iso3), {sticky: true, direction: "auto", opacity: 0.97});
          set.group.addLayer(layer);
        }
      }
      return set;
    };
    const recolour = (day) => {
      const {drawn, shown} = projected.current;
      for (const iso3 in drawn) {
        const index = valueAt(units[iso3].r, day);
        if (shown[iso3] === index) continue;
        shown[iso3] = index;
        const style = styleFor(index);
        for (const layer of drawn[iso3]) layer.setStyle(style);
      }
    };
    const projected = projectedSets(map, data, build, () => recolour(controller.state.day));
    const show = (view) => projected.show(view);
    /* A tap on a country opens its tooltip (Leaflet) and its card (control/card.js, if the
       page has one); a tap on the sea closes the tooltip. */
    map.on("click", (e) => {
      const target = e.originalEvent && e.originalEvent.target;
      const shape = target && target.closest && target.closest("[data-iso3]");
      if (!shape) closeTooltips(map);
      else if (parts.card) parts.card.open(shape.getAttribute("data-iso3"));
    });
    map.on("mbt:day", (e) => recolour(e.day));
    map.on("mbt:view", (e) => show(e.view));
    show(controller.state.view);
    /** The shapes of *iso3* in the projection shown (none if it does not draw the unit). */
    const layersOf = (iso3) => (projected.current && projected.current.drawn[iso3]) || [];
    return {tooltip, recolour, layersOf};
  },
};

/** A unit's tooltip on *day*: name, status, whose status it shows, key dates, note, source. */
export function unitTooltip(data, iso3, day) {
  const unit = data.units[iso3], style = data.styles[valueAt(unit.r, day)];
  const box = el("div", "mbt-tip");
  el("div", "mbt-name", unit.n + (unit.of ? ` (${unit.of})` : ""), box);
  el("div", "mbt-status", t("{status} on {date}", {status: t(style.label), date: longDay(day)}), box);
  const note = shownWith(unit, day);
  if (note) el("div", "", note, box);
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
