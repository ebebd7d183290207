/* The one owner of the date in the browser: every control (slider, buttons, keys, tour) calls
   it; it moves the day, runs the clock while playing, and tells the parts through the map:

     mbt:day     {day, event}   every painted day (frames of playback included)
     mbt:settle  {day, report}  the date settled: a pause, the end of play, a scrub released,
                                quick steps over (debounced), a view changed; report is false
                                for tour stops (the app hears of the tour when it ends)
     mbt:play    {playing}      playback or the tour started or stopped
     mbt:view    {view}         the view changed

   It does no DOM work and owns no timer of its own: frames and timers are injected. */

import {clamp} from "../core/days.js";
import {createClock, reducedMotionStep} from "../time/clock.js";
import {debounce} from "../time/debounce.js";
import {nextEvent, previousEvent} from "../time/steps.js";
import {createTour} from "../time/tour.js";

export function createController({emit, start, end, eventDays, day, view, views, options, scheduler}) {
  const timers = scheduler || globalThis;
  const frame = timers.requestAnimationFrame.bind(timers);
  const clock = createClock({paintMs: options.paintMs});
  const tour = createTour(timers);
  const stats = {frames: 0, frameTimes: []};
  let speed = options.speed, interval = null, playing = false;
  const state = {day, view, present: false, tourPaceMs: options.tourPaceMs};
  const settleSoon = debounce(options.reportDelayMs, () => settle(true), timers);

  function setDay(next, event = null) {
    next = clamp(next, start, end);
    if (next === state.day && !event) return;
    state.day = next;
    emit("mbt:day", {day: next, event});
  }
  function settle(report) {
    settleSoon.cancel();
    emit("mbt:settle", {day: state.day, view: state.view, report});
  }
  function onFrame(now) {
    const result = clock.tick(now);
    if (!result) return;
    if (result.paint) {
      if (result.frameMs !== null) {
        stats.frames += 1;
        if (stats.frameTimes.length < 5000) stats.frameTimes.push(result.frameMs);
      }
      setDay(result.day);
    }
    if (result.done) stopPlaying(true);
    else frame(onFrame);
  }
  function stepPlay() {
    const step = reducedMotionStep(eventDays, state.day, clock.stopAt, nextEvent);
    setDay(step.day);
    if (step.done) stopPlaying(true);
  }
  function stopPlaying(settleNow) {
    clock.stop();
    timers.clearInterval(interval);
    interval = null;
    if (!playing) return;
    playing = false;
    emit("mbt:play", {playing: false});
    if (settleNow) settle(true);
  }
  const api = {
    state,
    stats,
    get playing() { return playing; },
    get touring() { return tour.running; },
    /** Show *next* now and settle (the app hears of it at once). */
    setDay(next) { api.pause(false); setDay(next); settle(true); },
    /** A step from a key or a button: the map moves at once, the app hears of the day once the
        user stops pressing. */
    moveTo(next) { api.pause(false); setDay(next); settleSoon.call(); },
    /** Dragging the slider: paint only; release() settles. */
    scrub(next) { api.pause(false); setDay(next); },
    release() { settleSoon.call(); },
    step(direction) {
      const target = direction > 0 ? nextEvent(eventDays, state.day) : previousEvent(eventDays, state.day);
      if (target !== null) api.moveTo(target);
    },
    play(from, to) {
      api.pause(false);
      if (from !== undefined) setDay(from);
      const stopAt = to === undefined ? end : to;
      if (state.day >= stopAt) setDay(start);
      clock.start(state.day, stopAt, speed);
      playing = true;
      emit("mbt:play", {playing: true});
      if (options.reducedMotion) interval = timers.setInterval(stepPlay, options.reducedMotionMs);
      else frame(onFrame);
    },
    /** Stop playing or touring; *settleNow* reports the day (a user's pause). */
    pause(settleNow = true) {
      if (tour.running) {
        tour.stop();
        return;
      }
      stopPlaying(settleNow);
    },
    toggle() { if (api.playing || tour.running) api.pause(true); else api.play(); },
    setSpeed(daysPerSecond) { speed = daysPerSecond; clock.setSpeed(daysPerSecond); },
    get speed() { return speed; },
    setView(name, report = true) {
      if (!Object.hasOwn(views, name)) return;
      state.view = name;
      emit("mbt:view", {view: name});
      if (report) settle(true);
    },
    setPresent(on) { state.present = on; },
    setTourPace(ms) { state.tourPaceMs = ms; tour.setPace(ms); },
    /** Hold each of *stops* ({day, event, view, focus, holdMs}) in turn; the app hears of the
        day at the end. A stop's focus is emitted (mbt:tourfocus) for the card to open. */
    tour(stops) {
      api.pause(false);
      tour.start(stops, state.tourPaceMs, (stop) => {
        if (stop.view && stop.view !== state.view) api.setView(stop.view, false);
        setDay(stop.day, stop.event);
        if (stop.focus) emit("mbt:tourfocus", {iso3: stop.focus});
        settle(false);
      }, () => {
        emit("mbt:play", {playing: false});
        settle(true);
      });
      emit("mbt:play", {playing: true});
    },
  };
  return api;
}
