// Previous and next event (layers/web/js/time/steps.js).
import {test} from "node:test";
import assert from "node:assert/strict";
import {nextEvent, previousEvent} from "../../layers/web/js/time/steps.js";

const days = [10, 20, 30];

test("next event: strictly after the day", () => {
  assert.equal(nextEvent(days, 5), 10);
  assert.equal(nextEvent(days, 10), 20);
  assert.equal(nextEvent(days, 29), 30);
  assert.equal(nextEvent(days, 30), null);
});

test("previous event: strictly before the day", () => {
  assert.equal(previousEvent(days, 31), 30);
  assert.equal(previousEvent(days, 30), 20);
  assert.equal(previousEvent(days, 11), 10);
  assert.equal(previousEvent(days, 10), null);
});
