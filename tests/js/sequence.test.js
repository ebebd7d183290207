// The sequence number that stops a stale echo from moving the map back (link/sequence.js).
import {test} from "node:test";
import assert from "node:assert/strict";
import {createSequence} from "../../layers/web/js/link/sequence.js";

test("the app's own date is followed", () => {
  const sequence = createSequence(100);
  const seq = sequence.report(100);
  assert.equal(sequence.follow({day: 200, seq}, 100, false), 200);
});

test("an echo older than the last report is stale and ignored", () => {
  const sequence = createSequence(100);
  sequence.report(110);  // seq 1
  sequence.report(120);  // seq 2: the app has not answered it yet
  assert.equal(sequence.follow({day: 110, seq: 1}, 120, false), null);
  assert.equal(sequence.follow({day: 130, seq: 2}, 120, false), 130);
});

test("not while playing, nor when the user moved away without reporting yet", () => {
  const sequence = createSequence(100);
  const seq = sequence.report(100);
  assert.equal(sequence.follow({day: 200, seq}, 100, true), null);
  assert.equal(sequence.follow({day: 200, seq}, 105, false), null);  // moved to 105, report pending
  assert.equal(sequence.follow({day: 100, seq}, 100, false), null);  // already there
});
