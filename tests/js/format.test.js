// Dates and numbers in the page's language (layers/web/js/core/format.js). The expectations
// are written by hand; tests/test_i18n.py also runs this code against Babel in every language.
import {test, afterEach} from "node:test";
import assert from "node:assert/strict";
import {km, longDay, number, roundedDigits, useFormats} from "../../layers/web/js/core/format.js";
import {parseDay} from "../../layers/web/js/core/days.js";

afterEach(() => useFormats(null));

const POLISH_LIKE = {
  date: {parts: [["d"], " ", ["MMMM"], " ", ["y"]], months: ["stycznia", "lutego", "marca", "kwietnia", "maja",
    "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"]},
  number: {decimal: ",", group: "\u00a0", minusSign: "-", grouping: 3, minimumGroupingDigits: 2},
  km: "{0} km",
};

test("English without a pack", () => {
  assert.equal(longDay(parseDay("2026-02-20")), "20 February 2026");
  assert.equal(longDay(parseDay("1997-12-03")), "3 December 1997");
  assert.equal(km(3654.4), "3,654 km");
  assert.equal(number(1234567), "1,234,567");
  assert.equal(number(999.5), "1,000");
});

test("a pack's month names, pattern, separators and minimum grouping", () => {
  useFormats(POLISH_LIKE);
  assert.equal(longDay(parseDay("2026-02-20")), "20 lutego 2026");
  assert.equal(km(3654), "3654 km");  /* no group below 10 000 */
  assert.equal(number(12345), "12\u00a0345");
  assert.equal(number(49.46, 1), "49,5");
  const latvian = {...POLISH_LIKE, date: {parts: [["y"], ". gada ", ["d"], ". ", ["MMMM"]], months: Array(12).fill("februāris")}};
  useFormats(latvian);
  assert.equal(longDay(parseDay("2026-02-20")), "2026. gada 20. februāris");
});

test("rounding is half away from zero on the shortest decimal text, as Babel's", () => {
  assert.equal(roundedDigits(2.45, 1), "2.5");  /* toFixed gives 2.4 */
  assert.equal(roundedDigits(1.005, 2), "1.01");
  assert.equal(roundedDigits(0.04, 1), "0.0");
  assert.equal(roundedDigits(9.96, 1), "10.0");
  assert.equal(number(-0.04, 1), "0.0");  /* no minus before zero */
  assert.equal(number(-1234.5), "-1,235");
});
