/* Fitting a view: its extent goes into the largest part of the map that no panel covers (the
   date and caption, the belt panel, the legend, the views, the chart, the date control), so
   that the subject is never under a panel. Done when a view is shown or the map changes size. */

import {largestFreeRect} from "../core/geometry.js";
import {panelBoxes} from "../control/panel.js";
import {extentBounds} from "./crs.js";

export function fitView(L, map, extent, animate) {
  const [[xmin, ymin], [xmax, ymax]] = extent;
  const {x: width, y: height} = map.getSize();
  const rect = largestFreeRect(panelBoxes(map), width, height, (xmax - xmin) / (ymax - ymin))
    || {left: 0, top: 0, right: width, bottom: height};
  map.fitBounds(extentBounds(L, extent), {
    animate: !!animate,
    paddingTopLeft: [rect.left, rect.top],
    paddingBottomRight: [width - rect.right, height - rect.bottom],
  });
  map.fire("mbt:fitted");
}
