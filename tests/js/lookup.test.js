// The status lookup on a day (layers/web/js/core/lookup.js), on runs written by hand.
import {test} from "node:test";
import assert from "node:assert/strict";
import {lastAtOrBefore, nextChange, valueAt} from "../../layers/web/js/core/lookup.js";
import {parseDay} from "../../layers/web/js/core/days.js";

// Poland: not joined, signed 1997-12-04, ratified 2012-12-27, party 2013-06-01, announced
// 2025-03-18, notified 2025-08-20, withdrawn 2026-02-20 (statuses by their legend index).
const poland = [
  [parseDay("1997-12-03"), 0], [parseDay("1997-12-04"), 1], [parseDay("2012-12-27"), 2],
  [parseDay("2013-06-01"), 3], [parseDay("2025-03-18"), 4], [parseDay("2025-08-20"), 5],
  [parseDay("2026-02-20"), 7],
];

test("the run in force on a day, its first day included", () => {
  assert.equal(valueAt(poland, parseDay("2013-05-31")), 2);
  assert.equal(valueAt(poland, parseDay("2013-06-01")), 3);
  assert.equal(valueAt(poland, parseDay("2026-02-19")), 5);
  assert.equal(valueAt(poland, parseDay("2026-02-20")), 7);
  assert.equal(valueAt(poland, parseDay("2030-01-01")), 7);
});

test("before the first run: the default", () => {
  assert.equal(valueAt(poland, parseDay("1990-01-01")), 0);
  assert.equal(valueAt([[10, "on"]], 9, "off"), "off");
  assert.equal(lastAtOrBefore(poland, parseDay("1997-12-02")), -1);
});

test("the next change after a day", () => {
  assert.equal(nextChange(poland, parseDay("2025-03-18")), parseDay("2025-08-20"));
  assert.equal(nextChange(poland, parseDay("2026-03-01")), null);
});
