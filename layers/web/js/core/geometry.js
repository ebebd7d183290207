/* Boxes on the screen, in pixels: {left, top, right, bottom}. Pure: fitting a view into the part
   of the map the panels leave free, and labels that must not overlap. */

export function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether the segment from p to q ([x, y]) crosses or touches the box. */
export function segmentHitsBox([x1, y1], [x2, y2], box) {
  if (Math.max(x1, x2) < box.left || Math.min(x1, x2) > box.right || Math.max(y1, y2) < box.top || Math.min(y1, y2) > box.bottom) return false;
  const inside = (x, y) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  if (inside(x1, y1) || inside(x2, y2)) return true;
  const corners = [[box.left, box.top], [box.right, box.top], [box.right, box.bottom], [box.left, box.bottom]];
  const side = ([x, y]) => Math.sign((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1));
  const sides = new Set(corners.map(side));
  return sides.has(1) && sides.has(-1) || sides.has(0);
}

/** The rectangle free of every panel (boxes within width x height) in which a view of
    *aspect* (width / height) is drawn largest; null if the panels leave no room. */
export function largestFreeRect(panels, width, height, aspect, margin = 8) {
  const blocked = panels.map((p) => ({left: p.left - margin, top: p.top - margin, right: p.right + margin, bottom: p.bottom + margin}));
  const xs = [...new Set([0, width, ...blocked.flatMap((p) => [p.left, p.right])])].filter((x) => x >= 0 && x <= width).sort((a, b) => a - b);
  const ys = [...new Set([0, height, ...blocked.flatMap((p) => [p.top, p.bottom])])].filter((y) => y >= 0 && y <= height).sort((a, b) => a - b);
  let best = null, bestScale = 0;
  for (let i = 0; i < xs.length; i += 1) {
    for (let j = i + 1; j < xs.length; j += 1) {
      for (let k = 0; k < ys.length; k += 1) {
        for (let m = k + 1; m < ys.length; m += 1) {
          const rect = {left: xs[i], right: xs[j], top: ys[k], bottom: ys[m]};
          const w = rect.right - rect.left, h = rect.bottom - rect.top;
          const scale = Math.min(w / aspect, h);  /* the view's height when fitted */
          if (scale <= bestScale || blocked.some((p) => overlaps(rect, p))) continue;
          best = rect;
          bestScale = scale;
        }
      }
    }
  }
  return best;
}
