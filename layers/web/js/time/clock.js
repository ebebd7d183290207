/* The playback clock, headless: it owns no timer. The date control calls tick(now) on every
   animation frame and paints the day it returns; tests call it with plain numbers.

   The clock advances on every frame, but a new date is painted at most every paintMs (30 a
   second on a 60 Hz screen): each painted frame costs the browser a commit, raster and
   composite, so this halves the cost of playing at 60 Hz (bench/playback.py) with no visible
   difference at a week to a year per second. */

export function createClock({paintMs, maxFrameMs = 100}) {
  let playing = false, position = 0, stopAt = 0, speed = 1, lastFrame = null, lastPaint = null;
  return {
    get playing() { return playing; },
    get stopAt() { return stopAt; },
    /** Start at *day*, stopping at *end*, moving *daysPerSecond*. */
    start(day, end, daysPerSecond) {
      playing = true;
      position = day;
      stopAt = end;
      speed = daysPerSecond;
      lastFrame = null;
      lastPaint = null;
    },
    stop() { playing = false; },
    setSpeed(daysPerSecond) { speed = daysPerSecond; },
    /** One animation frame at time *now* (ms): null when stopped; otherwise {day, paint, done,
        frameMs} where *paint* says whether to paint *day* now and *frameMs* is the time since
        the last painted frame (null for the first). */
    tick(now) {
      if (!playing) return null;
      /* A frame late by more than maxFrameMs (a background tab) does not jump the date. */
      if (lastFrame !== null) position += Math.min(now - lastFrame, maxFrameMs) / 1000 * speed;
      lastFrame = now;
      if (position >= stopAt) {
        playing = false;
        return {day: stopAt, paint: true, done: true, frameMs: null};
      }
      if (lastPaint !== null && now - lastPaint < paintMs) return {day: Math.floor(position), paint: false, done: false, frameMs: null};
      const frameMs = lastPaint === null ? null : now - lastPaint;
      lastPaint = now;
      return {day: Math.floor(position), paint: true, done: false, frameMs};
    },
  };
}

/** Reduced motion: instead of moving day by day, play jumps to the next event day; *done*
    once no event is left before *stopAt* (then the day is stopAt). */
export function reducedMotionStep(eventDays, day, stopAt, nextEvent) {
  const next = nextEvent(eventDays, day);
  if (next === null || next > stopAt) return {day: stopAt, done: true};
  return {day: next, done: false};
}
