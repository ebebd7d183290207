/* Previous and next event: the days of the slider's ticks, sorted ascending. */

/** The first event day strictly after *day*, or null. */
export function nextEvent(days, day) {
  let low = 0, high = days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (days[middle] <= day) low = middle + 1; else high = middle;
  }
  return low < days.length ? days[low] : null;
}

/** The last event day strictly before *day*, or null. */
export function previousEvent(days, day) {
  let low = 0, high = days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (days[middle] < day) low = middle + 1; else high = middle;
  }
  return low > 0 ? days[low - 1] : null;
}
