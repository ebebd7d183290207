/* A panel on the map: a Leaflet control whose box is built once by *build(box)*; clicks and
   scrolls inside it do not reach the map. */

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
