// The tour (time/tour.js): each stop held for its own hold or the pace, then the end, once.
import {test, mock} from "node:test";
import assert from "node:assert/strict";
import {createTour} from "../../layers/web/js/time/tour.js";

test("stops are held for the pace, a stop's own hold wins, the end is called once", () => {
  mock.timers.enable({apis: ["setTimeout"]});
  try {
    const tour = createTour(globalThis), shown = [];
    let ended = 0;
    tour.start([{day: 1}, {day: 2, holdMs: 500}, {day: 3}], 3000, (stop) => shown.push(stop.day), () => { ended += 1; });
    assert.deepEqual(shown, [1]);
    mock.timers.tick(2999);
    assert.deepEqual(shown, [1]);
    mock.timers.tick(1);
    assert.deepEqual(shown, [1, 2]);
    mock.timers.tick(500);
    assert.deepEqual(shown, [1, 2, 3]);
    assert.equal(tour.running, true);
    mock.timers.tick(3000);
    assert.equal(tour.running, false);
    assert.equal(ended, 1);
    assert.equal(tour.stop(), false);
    assert.equal(ended, 1);
  } finally {
    mock.timers.reset();
  }
});

test("stopping a tour ends it at once", () => {
  mock.timers.enable({apis: ["setTimeout"]});
  try {
    const tour = createTour(globalThis), shown = [];
    let ended = 0;
    tour.start([{day: 1}, {day: 2}], 1000, (stop) => shown.push(stop.day), () => { ended += 1; });
    assert.equal(tour.stop(), true);
    mock.timers.tick(5000);
    assert.deepEqual(shown, [1]);
    assert.equal(ended, 1);
  } finally {
    mock.timers.reset();
  }
});
