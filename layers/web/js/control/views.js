/* The views (World, Europe, Eastern flank) and the zoom buttons. A view is refitted when the
   frame changes size, until the user zooms or drags; then zoom and pan stay as they left them
   while the date changes. */

import {button} from "../core/dom.js";
import {t} from "../core/i18n.js";
import {overlaps} from "../core/geometry.js";
import {addPanel, panelBoxes} from "./panel.js";

export const views = {
  name: "views",
  needs: [],
  /* under the legend, in the same corner; fitted around every panel, so after them all */
  after: ["legend", "caption", "beltpanel", "events", "timebar", "chart"],
  start({L, map, data, controller, fit}) {
    let buttons = [];
    addPanel(L, map, "topright", "mbt-views", (box) => {
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", t("View"));
      buttons = Object.keys(data.views).map((name) => {
        const node = button(box, t(data.viewLabels[name]), null, () => controller.setView(name));
        node.dataset.view = name;
        return node;
      });
    });
    L.control.zoom({position: "topright"}).addTo(map);
    let fitting = false, userMoved = false, fitted = null;
    const projectionOf = (name) => data.views[name].projection;
    map.on("zoomstart dragstart", () => { if (!fitting) userMoved = true; });
    /* The attribution names the projection of the view shown. */
    let credit = null;
    const nameProjection = (name) => {
      const text = t("Projection: {name}", {name: data.views[name].crs});
      if (text === credit) return;
      if (credit) map.attributionControl.removeAttribution(credit);
      map.attributionControl.addAttribution(credit = text);
    };
    const show = (name, animate) => {
      nameProjection(name);
      for (const node of buttons) node.setAttribute("aria-pressed", String(node.dataset.view === name));
      const size = map.getSize();
      if (!size.x || !size.y) return;
      /* Refitting reprojects every shape: skip it when nothing would change. */
      if (!userMoved && fitted && fitted.view === name && fitted.size.equals(size)) return;
      /* Another projection is another set of shapes: no flight from one to the other. */
      const sameProjection = fitted && projectionOf(fitted.view) === projectionOf(name);
      fitted = {view: name, size};
      userMoved = false;
      fitting = true;
      fit(name, animate && sameProjection);
      fitting = false;
    };
    map.on("mbt:view", (e) => show(e.view, true));
    /* A panel shown or hidden (the chart) changes the room left: refit, unless the user moved. */
    map.on("mbt:panels", () => {
      if (userMoved) return;
      fitted = null;
      show(controller.state.view, false);
    });
    new ResizeObserver(() => {
      map.invalidateSize({pan: false});
      if (!userMoved) show(controller.state.view, false);
    }).observe(map.getContainer());
    /* A panel that grew over the view (its text wrapped once the fonts came, a longer event
       once the date settled) brings a refit, but never while the map plays: the map stays put
       while the date moves. */
    let checking = false;
    const covered = () => {
      const [[xmin, ymin], [xmax, ymax]] = data.views[controller.state.view].extent;
      const a = map.latLngToContainerPoint([ymin, xmin]), b = map.latLngToContainerPoint([ymax, xmax]);
      const view = {left: Math.min(a.x, b.x), right: Math.max(a.x, b.x), top: Math.min(a.y, b.y), bottom: Math.max(a.y, b.y)};
      return panelBoxes(map).some((panel) => overlaps(panel, view));
    };
    const check = () => {
      if (checking) return;
      checking = true;
      requestAnimationFrame(() => {
        checking = false;
        if (userMoved || controller.playing || controller.touring || !covered()) return;
        fitted = null;
        show(controller.state.view, false);
      });
    };
    const watch = new ResizeObserver(check);
    for (const panel of map.getContainer().querySelectorAll(".mbt-panel")) watch.observe(panel);
    map.on("mbt:settle", check);
    show(controller.state.view, false);
  },
};
