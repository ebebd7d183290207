/* Touch, where the map sits in a page that scrolls (the app, not presentation mode): one finger
   scrolls the page past the map and two fingers pan and zoom it, as on any embedded map of a
   news site; where the map is the whole window (the single file, presentation mode) one finger
   pans it. Leaflet's pinch (TouchZoom) follows the fingers' centre, so with its one-finger drag
   off and the container's touch-action left to the browser (pan-x pan-y, Leaflet's CSS), the
   page scrolls under one finger. A one-finger move on the map shows a hint for a moment.
   (leaflet-gesture-handling does the same and more, also for the mouse wheel, which here is
   not wanted; this is the part of it the map needs, in a few lines.) */

import {el} from "../core/dom.js";
import {t} from "../core/i18n.js";

const HINT_MS = 1500;

export function touchGestures(map, {embedded, present}) {
  const win = map.getContainer().ownerDocument.defaultView;
  if (!("ontouchstart" in win) && !(win.navigator.maxTouchPoints > 0)) return {setPresent() {}};
  const container = map.getContainer();
  const hint = el("div", "mbt-touch-hint", t("Use two fingers to move the map"), container);
  hint.setAttribute("aria-hidden", "true");  /* a screen reader's own gestures differ */
  let timer = null, scrolls = false;
  const setPresent = (on) => {
    scrolls = embedded && !on;
    if (scrolls) map.dragging.disable(); else map.dragging.enable();
  };
  container.addEventListener("touchmove", (e) => {
    if (!scrolls || e.touches.length !== 1 || e.target.closest(".leaflet-control")) return;
    hint.classList.add("mbt-shown");
    win.clearTimeout(timer);
    timer = win.setTimeout(() => hint.classList.remove("mbt-shown"), HINT_MS);
  }, {passive: true});
  setPresent(present);
  return {setPresent};
}
