// The playback clock (layers/web/js/time/clock.js) and the controller playing with it
// (layers/web/js/map/controller.js), with frames and timers driven by hand.
import {test, mock} from "node:test";
import assert from "node:assert/strict";
import {createClock, reducedMotionStep} from "../../layers/web/js/time/clock.js";
import {nextEvent} from "../../layers/web/js/time/steps.js";
import {createController} from "../../layers/web/js/map/controller.js";

test("the clock moves at its speed and paints at most every paintMs", () => {
  const clock = createClock({paintMs: 29});
  clock.start(100, 1000, 30);  // 30 days a second
  assert.deepEqual(clock.tick(0), {day: 100, paint: true, done: false, frameMs: null});
  assert.equal(clock.tick(16).paint, false);  // 16 ms after the last paint
  const painted = clock.tick(32);
  assert.equal(painted.paint, true);
  assert.equal(painted.frameMs, 32);
  assert.equal(painted.day, 100);  // 0.96 of a day
  assert.equal(clock.tick(100).day, 103);  // 100 ms at 30 days/s
});

test("a late frame does not jump the date; the clock stops at the end", () => {
  const clock = createClock({paintMs: 29});
  clock.start(0, 50, 365);
  clock.tick(0);
  assert.equal(clock.tick(5000).day, 36);  // at most 100 ms counted: 36.5 days
  assert.deepEqual(clock.tick(5100), {day: 50, paint: true, done: true, frameMs: null});
  assert.equal(clock.playing, false);
  assert.equal(clock.tick(5200), null);
});

test("reduced motion steps from event to event, then to the end", () => {
  const events = [5, 9, 40];
  assert.deepEqual(reducedMotionStep(events, 0, 30, nextEvent), {day: 5, done: false});
  assert.deepEqual(reducedMotionStep(events, 5, 30, nextEvent), {day: 9, done: false});
  assert.deepEqual(reducedMotionStep(events, 9, 30, nextEvent), {day: 30, done: true});
});

function fakeScheduler() {
  const frames = [];
  return {
    frames,
    requestAnimationFrame: (f) => frames.push(f),
    setTimeout, clearTimeout, setInterval, clearInterval,
    run(now) { const due = frames.splice(0); for (const f of due) f(now); },
  };
}

function controller(extra = {}) {
  const events = [];
  const scheduler = fakeScheduler();
  const api = createController({
    emit: (name, detail) => events.push([name, detail]),
    start: 0, end: 100, eventDays: [10, 20, 60], day: 0, view: "world", views: {world: 1, eastern: 1},
    options: {speed: 365, paintMs: 29, reportDelayMs: 150, reducedMotionMs: 1500, tourPaceMs: 5000, ...extra},
    scheduler,
  });
  return {api, events, scheduler};
}

test("playing to the end stops, shows the last day and settles once", () => {
  const {api, events, scheduler} = controller();
  api.play();
  assert.equal(api.playing, true);
  for (let now = 0; scheduler.frames.length; now += 50) scheduler.run(now);
  assert.equal(api.playing, false);
  assert.equal(api.state.day, 100);
  const settles = events.filter(([name]) => name === "mbt:settle");
  assert.deepEqual(settles, [["mbt:settle", {day: 100, view: "world", report: true}]]);
  assert.deepEqual(events.filter(([name]) => name === "mbt:play").map(([, e]) => e.playing), [true, false]);
});

test("with reduced motion, play steps by event on a timer", () => {
  mock.timers.enable({apis: ["setInterval", "setTimeout"]});
  try {
    const scheduler = {requestAnimationFrame() {}, setTimeout, clearTimeout, setInterval, clearInterval};
    const shown = [];
    const reduced = createController({
      emit: (name, detail) => { if (name === "mbt:day") shown.push(detail.day); },
      start: 0, end: 100, eventDays: [10, 20, 60], day: 0, view: "world", views: {world: 1},
      options: {speed: 365, paintMs: 29, reportDelayMs: 150, reducedMotionMs: 1500, reducedMotion: true}, scheduler,
    });
    reduced.play(0, 30);
    mock.timers.tick(1500 * 3);
    assert.deepEqual(shown, [10, 20, 30]);
    assert.equal(reduced.playing, false);
  } finally {
    mock.timers.reset();
  }
});
