/* Hatch and cross-hatch patterns (STATUS_STYLE's pattern), shared by the map's shapes and the
   legend's swatches: one hidden SVG of <pattern>s in the page. */

const SVG = "http://www.w3.org/2000/svg";

export function installPatterns(styles, palette, doc = document) {
  const svg = doc.createElementNS(SVG, "svg");
  svg.setAttribute("width", "0");
  svg.setAttribute("height", "0");
  svg.setAttribute("aria-hidden", "true");
  svg.style.position = "absolute";
  const defs = doc.createElementNS(SVG, "defs");
  svg.appendChild(defs);
  for (const style of styles) {
    if (!style.pattern) continue;
    const pattern = doc.createElementNS(SVG, "pattern");
    const attributes = {id: patternId(style), patternUnits: "userSpaceOnUse", width: 8, height: 8, patternTransform: "rotate(45)"};
    for (const [name, value] of Object.entries(attributes)) pattern.setAttribute(name, value);
    const rect = (values) => {
      const node = doc.createElementNS(SVG, "rect");
      for (const [name, value] of Object.entries(values)) node.setAttribute(name, value);
      pattern.appendChild(node);
    };
    const ink = {fill: palette["pattern-ink"], "fill-opacity": 0.8};
    rect({width: 8, height: 8, fill: style.colour});
    rect({x: 0, y: 0, width: 2.5, height: 8, ...ink});
    if (style.pattern === "cross") rect({x: 0, y: 0, width: 8, height: 2.5, ...ink});
    defs.appendChild(pattern);
  }
  doc.body.appendChild(svg);
}

function patternId(style) {
  return `mbt-pattern-${style.code}`;
}

/** The SVG fill of a status: its colour, or its pattern. */
export function fill(style) {
  return style.pattern ? `url(#${patternId(style)})` : style.colour;
}
