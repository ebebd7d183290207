/* The layers of one part in each view's projection (layer/status.js, layer/belt.js): a set is
   built the first time a view in its projection is shown, brought up to date and put on the
   map in place of the other. */

export function projectedSets(map, data, build, refresh) {
  const sets = {};
  let current = null;
  return {
    get current() { return current; },
    show(view) {
      const name = data.views[view].projection;
      const next = sets[name] = sets[name] || build(name);
      if (next === current) return;
      if (current) map.removeLayer(current.group);
      current = next;
      refresh();
      current.group.addTo(map);
    },
  };
}
