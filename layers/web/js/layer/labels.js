/* Country names: placed once per view and zoom (not per frame), at the points Python found
   inside each shape, in the order it gives (layers/labels.py); the placement itself is
   layer/placement.js. A name waits for its State to exist (South Sudan from 2011-07-09). */

import {panelBoxes} from "../control/panel.js";
import {placeLabels} from "./placement.js";

export const labels = {
  name: "labels",
  needs: ["belt"],
  after: ["timebar", "legend", "caption", "beltpanel", "views", "chart"],  /* it avoids the panels */
  start({L, map, data, controller, parts}) {
    const pane = map.createPane("mbt-labels");
    pane.style.zIndex = 460;
    pane.style.pointerEvents = "none";
    pane.setAttribute("aria-hidden", "true");  /* the names are in the tooltips and the table */
    const canvas = document.createElement("canvas").getContext("2d");
    const layer = L.layerGroup().addTo(map);
    let font = null, shownKey = null;
    const pixels = () => parseFloat(/([\d.]+)px/.exec(font)[1]);
    const size = (text) => {
      canvas.font = font;
      return [canvas.measureText(text).width + 6, pixels() + 4];
    };
    /* Points of the map where a unit is what is drawn on top, nearest its own point first: for
       Russia, whose point inside its shape lies far east of the eastern flank. */
    const inside = ({iso3, x, y}) => {
      const origin = map.getContainer().getBoundingClientRect(), {x: width, y: height} = map.getSize(), found = [];
      for (let py = 12; py < height; py += 24) {
        for (let px = 12; px < width; px += 24) {
          const hit = document.elementFromPoint(origin.left + px, origin.top + py);
          if (hit && hit.getAttribute("data-iso3") === iso3) found.push([px, py]);
        }
      }
      return found.sort((a, b) => Math.hypot(a[0] - x, a[1] - y) - Math.hypot(b[0] - x, b[1] - y));
    };
    const place = () => {
      const view = controller.state.view, day = controller.state.day;
      font = getComputedStyle(map.getContainer()).getPropertyValue("--mbt-label-font").trim() || "600 14px sans-serif";
      const toPixel = ([y, x]) => {
        const p = map.latLngToContainerPoint([y, x]);
        return [p.x, p.y];
      };
      const candidates = data.labels[view]
        .filter(([, , , , , from]) => from === null || day >= from)
        .map(([iso3, text, x, y, always]) => {
          const [px, py] = toPixel([y, x]);
          return {iso3, text, x: px, y: py, always};
        });
      const lines = parts.belt.lines().map((line) => line.map(toPixel));
      const {x: width, y: height} = map.getSize();
      layer.clearLayers();
      for (const label of placeLabels(candidates, size, panelBoxes(map), lines, width, height, inside)) {
        const node = document.createElement("span");
        node.className = "mbt-label";
        node.textContent = label.text;
        if (label.scale !== 1) node.style.fontSize = `${label.scale * pixels()}px`;
        const point = map.containerPointToLatLng([(label.box.left + label.box.right) / 2, (label.box.top + label.box.bottom) / 2]);
        L.marker(point, {pane: "mbt-labels", interactive: false, keyboard: false,
          icon: L.divIcon({className: "mbt-label-icon", html: node, iconSize: null})}).addTo(layer);
        if (label.moved) {
          /* A name moved off its State (a small State among others): a line to its point. */
          const edge = [Math.max(label.box.left, Math.min(label.x, label.box.right)), Math.max(label.box.top, Math.min(label.y, label.box.bottom))];
          L.polyline([map.containerPointToLatLng([label.x, label.y]), map.containerPointToLatLng(edge)],
            {pane: "mbt-labels", interactive: false, color: data.palette.text, weight: 1, opacity: 0.8}).addTo(layer);
        }
      }
    };
    /* Names follow the date only where a State begins to exist. */
    const starts = data.labels ? Object.values(data.labels).flat().map((entry) => entry[5]).filter((day) => day !== null) : [];
    map.on("mbt:day", (e) => {
      const key = starts.filter((day) => e.day >= day).length;
      if (key !== shownKey) { shownKey = key; place(); }
    });
    map.on("zoomend moveend mbt:fitted", place);
    shownKey = starts.filter((day) => controller.state.day >= day).length;
    place();
    return {place};
  },
};
