/* The map's keys, as a table from a key press to an action of the date controller. Pure: the
   keyboard part applies the action. In presentation mode the keys a clicker sends (PageDown,
   PageUp, arrows) step by event. */

const EDITABLE = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** The action for a key press, or null to let the browser have it.
    *press*: {key, shiftKey, altKey, ctrlKey, metaKey, tag, type, onSlider}; *present*: bool.
    Actions: ["toggle"], ["step", ±1], ["move", days], ["end", "first"|"last"],
    ["fullscreen"], ["escape"] (close what is open: a panel, a tooltip; else leave presentation
    mode). */
export function keyAction(press, present) {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  const key = press.key;
  /* Escape closes a panel even from one of its selects; a text or date field keeps its own. */
  if (key === "Escape") return (press.tag === "INPUT" && !press.onSlider) || press.tag === "TEXTAREA" ? null : ["escape"];
  /* Typing in a field (a search box, a date field) is never a map key; the slider is an input
     too but its keys are ours. */
  if (EDITABLE.has(press.tag) && !press.onSlider) return null;
  if (present && (key === "ArrowRight" || key === "ArrowLeft")) return ["step", key === "ArrowRight" ? 1 : -1];
  if (key === "f" || key === "F") return ["fullscreen"];
  if (key === " " && press.tag !== "BUTTON") return ["toggle"];
  if (key === "PageDown" || key === "]") return ["step", 1];
  if (key === "PageUp" || key === "[") return ["step", -1];
  if (key === "ArrowRight" || key === "ArrowLeft") return ["move", (key === "ArrowRight" ? 1 : -1) * (press.shiftKey ? 30 : 1)];
  if (key === "Home") return ["end", "first"];
  if (key === "End") return ["end", "last"];
  return null;
}
