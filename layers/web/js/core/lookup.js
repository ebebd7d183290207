/* Looking things up on a day in lists sorted by their first day: runs of statuses, counts,
   events, belt states. Python computes the lists (geodata/, layers/web/payload.py); the browser
   only finds the entry in force on a day. */

/** Index of the last item whose [0] is <= day, or -1 (items sorted by [0]). */
export function lastAtOrBefore(items, day) {
  let low = 0, high = items.length - 1, found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (items[middle][0] <= day) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The value ([1]) of the run in force on a day; *before* if the day precedes every run. */
export function valueAt(runs, day, before = 0) {
  const index = lastAtOrBefore(runs, day);
  return index < 0 ? before : runs[index][1];
}

/** The first day after *day* on which the value changes, or null: how long a lookup stays true
    (the labels and panels redraw only then). */
export function nextChange(runs, day) {
  const index = lastAtOrBefore(runs, day) + 1;
  return index < runs.length ? runs[index][0] : null;
}
