/* A panel on the map: a Leaflet control whose box is built once by *build(box)*; clicks and
   scrolls inside it do not reach the map. */

/* A narrow map (a phone upright or sideways, a small window): panels fold into one line each
   and the date control keeps to two rows. The same query as in layers/assets/map.css. */
export const NARROW = "(max-width: 800px), (max-height: 480px)";

export function isNarrow(map) {
  return map.getContainer().ownerDocument.defaultView.matchMedia(NARROW).matches;
}

export function addPanel(L, map, position, className, build) {
  const control = L.control({position});
  control.onAdd = () => {
    const box = L.DomUtil.create("div", `mbt-panel ${className}`);
    build(box);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  control.addTo(map);
  return control.getContainer();
}

/** The boxes of the panels on the map now (pixels from the map's top left): what a view is
    fitted around and what names avoid. */
export function panelBoxes(map) {
  const container = map.getContainer(), origin = container.getBoundingClientRect();
  return [...container.querySelectorAll(".mbt-panel, .leaflet-control-zoom, .leaflet-control-attribution")]
    .filter((panel) => !panel.hidden && panel.offsetParent !== null)
    .map((panel) => {
      const r = panel.getBoundingClientRect();
      return {left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top};
    })
    .filter((box) => box.right > box.left && box.bottom > box.top);
}
