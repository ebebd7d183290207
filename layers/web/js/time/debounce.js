/* Quick steps make one report: the call runs once no other came within *ms* (a held key or quick
   presses ask the app for one rerun, not one each). Timers are injected for the tests. */

export function debounce(ms, callback, timers = globalThis) {
  let pending = null;
  return {
    call(...args) {
      timers.clearTimeout(pending);
      pending = timers.setTimeout(() => {
        pending = null;
        callback(...args);
      }, ms);
    },
    cancel() {
      timers.clearTimeout(pending);
      pending = null;
    },
    get pending() { return pending !== null; },
  };
}
