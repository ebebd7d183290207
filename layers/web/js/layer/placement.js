/* Where country names go, at the zoom shown: in the order Python gives (layers/labels.py:
   the States that must be named first, then larger first), each centred on its point inside
   the shape; a name is left out if it would overlap one already placed, a panel or the belt's
   lines, or leave the map. A name that must be shown tries a few places around its point
   first. Pure: measure and project are given. */

import {overlaps, segmentHitsBox} from "../core/geometry.js";

/* Where a name that must be shown may go, in label widths and heights from its point. */
const NUDGES = [[0, 0], [0, -1], [0, 1], [-1, 0], [1, 0], [-1, -1], [1, -1], [-1, 1], [1, 1], [0, -2], [0, 2], [-2, 0], [2, 0],
  [0, -3], [-1, -3], [1, -3], [0, -4], [0, 3], [-2, -2], [2, -2]];
/* ... and, if none is free, the same at this size (a small State among larger neighbours). */
const SMALLER = 0.8;

/** *candidates*: [{text, x, y, always}] with x, y in pixels; *size(text)* -> [w, h];
    *panels*: boxes; *lines*: polylines of [x, y]; returns the placed [{text, box}].
    *elsewhere(candidate)*, if given, names other points inside the shape ([x, y], best first)
    for a name that must be shown and found no room at its own (its point is off the map).
    A name moved off its point keeps the point as *anchor*: a leader line joins them. */
export function placeLabels(candidates, size, panels, lines, width, height, elsewhere = () => []) {
  const placed = [];
  const clear = (box) => box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height
    && !placed.some((p) => overlaps(p.box, box)) && !panels.some((p) => overlaps(p, box))
    && !lines.some((line) => line.some((point, i) => i > 0 && segmentHitsBox(line[i - 1], point, box)));
  const attempt = (candidate, w, h, nudges, scale) => {
    for (const [dx, dy] of nudges) {
      const cx = candidate.x + dx * (w / 2 + 4), cy = candidate.y + dy * (h + 2);
      const box = {left: cx - w / 2, top: cy - h / 2, right: cx + w / 2, bottom: cy + h / 2};
      if (clear(box)) return {...candidate, box, scale, moved: dx !== 0 || dy !== 0};
    }
    return null;
  };
  for (const candidate of candidates) {
    const [w, h] = size(candidate.text);
    const label = candidate.always
      ? attempt(candidate, w, h, NUDGES, 1) || attempt(candidate, w * SMALLER, h * SMALLER, NUDGES, SMALLER)
        || elsewhere(candidate).map(([x, y]) => attempt({...candidate, x, y}, w, h, NUDGES.slice(0, 1), 1)).find(Boolean)
      : attempt(candidate, w, h, NUDGES.slice(0, 1), 1);
    if (label) placed.push(label);
  }
  return placed;
}
