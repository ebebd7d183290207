// The debounce of quick steps (time/debounce.js) and the controller's steps using it.
import {test, mock} from "node:test";
import assert from "node:assert/strict";
import {debounce} from "../../layers/web/js/time/debounce.js";
import {createController} from "../../layers/web/js/map/controller.js";

test("quick calls make one, after the last", () => {
  mock.timers.enable({apis: ["setTimeout"]});
  try {
    const calls = [];
    const later = debounce(150, (value) => calls.push(value));
    later.call(1);
    mock.timers.tick(100);
    later.call(2);
    mock.timers.tick(100);
    later.call(3);
    assert.deepEqual(calls, []);
    mock.timers.tick(150);
    assert.deepEqual(calls, [3]);
    later.call(4);
    later.cancel();
    mock.timers.tick(500);
    assert.deepEqual(calls, [3]);
  } finally {
    mock.timers.reset();
  }
});

test("four quick steps by event move the map four times and settle once", () => {
  mock.timers.enable({apis: ["setTimeout"]});
  try {
    const days = [], settles = [];
    const controller = createController({
      emit: (name, detail) => (name === "mbt:day" ? days : name === "mbt:settle" ? settles : []).push(detail),
      start: 0, end: 100, eventDays: [10, 20, 30, 40, 50], day: 0, view: "world", views: {world: 1},
      options: {speed: 30, paintMs: 29, reportDelayMs: 150, reducedMotionMs: 1500},
      scheduler: {requestAnimationFrame() {}, setTimeout, clearTimeout, setInterval, clearInterval},
    });
    for (let i = 0; i < 4; i += 1) {
      controller.step(1);
      mock.timers.tick(20);
    }
    assert.deepEqual(days.map((d) => d.day), [10, 20, 30, 40]);
    assert.equal(settles.length, 0);
    mock.timers.tick(150);
    assert.deepEqual(settles, [{day: 40, view: "world", report: true}]);
    controller.step(-1);
    assert.equal(controller.state.day, 30);
  } finally {
    mock.timers.reset();
  }
});
