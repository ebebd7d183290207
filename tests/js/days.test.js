// Day numbers (layers/web/js/core/days.js): UTC, strict ISO dates as geodata's parse_day.
import {test} from "node:test";
import assert from "node:assert/strict";
import {isoDay, parseDay} from "../../layers/web/js/core/days.js";

test("day numbers are days since 1970-01-01 UTC", () => {
  assert.equal(parseDay("1970-01-01"), 0);
  assert.equal(parseDay("2026-02-20"), 20504);
  assert.equal(isoDay(20504), "2026-02-20");
  assert.equal(isoDay(parseDay("1997-12-03")), "1997-12-03");
});

test("only real calendar dates in the form YYYY-MM-DD", () => {
  for (const text of ["2026-W08-5", "2026-2-20", "20260220", " 2026-02-20", "2026-02-30", "2026-02-20T00:00", "", "null"]) {
    assert.equal(parseDay(text), null, text);
  }
  assert.equal(parseDay("2024-02-29"), parseDay("2024-02-28") + 1);
});
