/* Find a country: a field on the map (with the names to pick from) whose Enter zooms to the
   unit found, opens its tooltip and says its status; the way to reach a country by keyboard,
   since shapes are not Tab stops. Keys typed here never reach the map (map/keys.js). */

import {el} from "../core/dom.js";
import {longDay} from "../core/format.js";
import {t} from "../core/i18n.js";
import {valueAt} from "../core/lookup.js";
import {findUnits} from "../core/search.js";
import {addPanel} from "./panel.js";

export const find = {
  name: "find",
  needs: ["status"],
  after: ["views"],  /* under the views, in the same corner */
  start({L, map, data, controller, parts}) {
    const names = Object.fromEntries(Object.entries(data.units).map(([iso3, unit]) => [iso3, [unit.n, unit.en ?? unit.n]]));
    let input, said;
    addPanel(L, map, "topright", "mbt-find", (box) => {
      box.setAttribute("role", "search");
      const label = el("label", "mbt-find-label", t("Find a country"), box);
      input = el("input", "", null, label);
      Object.assign(input, {type: "search", autocomplete: "off", spellcheck: false});
      input.setAttribute("list", "mbt-find-names");
      const list = el("datalist", "", null, box);
      list.id = "mbt-find-names";
      const shown = Object.values(data.units).map((unit) => unit.n).sort((a, b) => a.localeCompare(b, data.lang));
      for (const name of shown) el("option", "", null, list).value = name;
      said = el("div", "mbt-sr", "", box);
      said.setAttribute("aria-live", "polite");
    });
    const show = (iso3) => {
      const unit = data.units[iso3], style = data.styles[valueAt(unit.r, controller.state.day)];
      if (!parts.status.layersOf(iso3).length) controller.setView("world");  /* not drawn in this view */
      const layers = parts.status.layersOf(iso3);
      if (!layers.length) return;
      const bounds = L.latLngBounds([]);
      for (const layer of layers) bounds.extend(layer.getBounds ? layer.getBounds() : layer.getLatLng());
      map.fitBounds(bounds, {maxZoom: Math.max(map.getZoom(), 6), animate: false});
      if (parts.card) parts.card.open(iso3);
      else layers[0].openTooltip(bounds.getCenter());
      said.textContent = t("{name}: {status} on {date}", {name: unit.n, status: t(style.label), date: longDay(controller.state.day)});
    };
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      const found = findUnits(names, input.value);
      if (found.length) show(found[0]);
      else said.textContent = t("No country found for “{text}”", {text: input.value});
    });
    return {show};
  },
};
