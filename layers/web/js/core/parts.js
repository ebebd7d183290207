/* The map's parts (layers, panels, controls, the keyboard...) and the order they start in.
   A part is {name, needs, after, start(context, settings)}: *needs* names parts it uses (an
   error if one is missing), *after* parts it goes below if they are there (panels share a
   corner). The page says which parts it has; nothing depends on the order in which Python
   added them. */

/** The parts named in *wanted*, ordered so that each comes after what it needs or follows. */
export function startOrder(catalogue, wanted) {
  const chosen = new Map();
  for (const name of wanted) {
    if (!Object.hasOwn(catalogue, name)) throw new Error(`unknown map part ${JSON.stringify(name)}`);
    chosen.set(name, catalogue[name]);
  }
  const order = [], state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`map parts need each other: ${[...path, name].join(" -> ")}`);
    state.set(name, "visiting");
    const part = chosen.get(name);
    for (const need of part.needs || []) {
      if (!chosen.has(need)) throw new Error(`map part ${name} needs ${need}, which the page does not have`);
      visit(need, [...path, name]);
    }
    for (const before of part.after || []) if (chosen.has(before)) visit(before, [...path, name]);
    state.set(name, "done");
    order.push(part);
  };
  for (const name of chosen.keys()) visit(name, []);
  return order;
}

/** Start the parts in order; each one's API is in context.parts[name] for those after it. */
export function startParts(order, context, settings) {
  context.parts = context.parts || {};
  for (const part of order) context.parts[part.name] = part.start(context, settings[part.name] || {}) || {};
  return context.parts;
}
