/* A tour: stops held one after another, each for its own hold or the chosen pace. Headless: it
   calls show(stop) and end(); timers are injected for the tests. */

export function createTour(timers = globalThis) {
  let timer = null, stops = [], index = 0, show = null, end = null, paceMs = 5000;
  function next() {
    if (index >= stops.length) {
      stop();
      return;
    }
    const current = stops[index];
    index += 1;
    show(current);
    timer = timers.setTimeout(next, current.holdMs || paceMs);
  }
  function stop() {
    if (timer === null && !show) return false;
    timers.clearTimeout(timer);
    timer = null;
    const finished = end;
    show = end = null;
    if (finished) finished();
    return true;
  }
  return {
    get running() { return show !== null; },
    /** Show *list* from the first stop; *pace* (ms) holds stops that have none of their own. */
    start(list, pace, onStop, onEnd) {
      stop();
      stops = list;
      index = 0;
      paceMs = pace;
      show = onStop;
      end = onEnd;
      next();
    },
    setPace(pace) { paceMs = pace; },
    /** Stop the tour (end() is called once); false if none was running. */
    stop,
  };
}
