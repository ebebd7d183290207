/* What the user has opened over the map (the "More" controls, a panel unfolded on a phone, the
   events list, the chart): Escape closes the latest first, then a tooltip, then leaves
   presentation mode (map/keyboard.js). Focus goes back to the button that opened it, so a
   keyboard user is never left on nothing. */

const opened = new WeakMap();

function stackOf(map) {
  if (!opened.has(map)) opened.set(map, []);
  return opened.get(map);
}

/** *toggle* (a button) opened something that *close()* closes; call it again when closed some
    other way (the button pressed again), with *close* null, to forget it. */
export function markOpen(map, toggle, close) {
  const stack = stackOf(map).filter((entry) => entry.toggle !== toggle);
  if (close) stack.push({toggle, close});
  opened.set(map, stack);
}

/** Close the latest thing opened; false if nothing was. */
export function closeLatest(map) {
  const entry = stackOf(map).pop();
  if (!entry) return false;
  entry.close();
  /* Focus stays where it is, unless what had it was just hidden. */
  const focused = entry.toggle.ownerDocument.activeElement;
  if (!focused || focused === entry.toggle.ownerDocument.body || focused.offsetParent === null) entry.toggle.focus();
  return true;
}

/** Close every open tooltip (a tap on the sea, Escape); false if none was open. */
export function closeTooltips(map) {
  let closed = false;
  map.eachLayer((layer) => {
    if (layer.getTooltip && layer.getTooltip() && layer.isTooltipOpen()) {
      layer.closeTooltip();
      closed = true;
    }
  });
  return closed;
}
