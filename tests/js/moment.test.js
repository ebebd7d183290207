// The URL a moment writes and reads (layers/web/js/link/moment.js).
import {test} from "node:test";
import assert from "node:assert/strict";
import {momentQuery, readMoment, writeMoment} from "../../layers/web/js/link/moment.js";
import {parseDay} from "../../layers/web/js/core/days.js";

const data = {start: parseDay("1997-12-03"), end: parseDay("2026-12-01"), views: {world: 1, europe: 1, eastern: 1}};

test("a moment's query names the date and view, and presentation mode when on", () => {
  assert.equal(momentQuery({day: parseDay("2026-02-20"), view: "eastern", present: false}), "?date=2026-02-20&view=eastern");
  assert.equal(momentQuery({day: parseDay("2025-12-27"), view: "europe", present: true}), "?date=2025-12-27&view=europe&present=1");
});

test("Streamlit's embedding parameters stay; the old moment does not", () => {
  const query = momentQuery({day: parseDay("2025-07-01"), view: "eastern"}, "?date=2025-03-01&view=world&embed=true&embed_options=show_toolbar&x=1");
  assert.equal(query, "?date=2025-07-01&view=eastern&embed=true&embed_options=show_toolbar");
});

test("reading a moment keeps only what is valid", () => {
  assert.deepEqual(readMoment("?date=2026-02-20&view=eastern&present=1", data), {day: parseDay("2026-02-20"), view: "eastern", present: true});
  assert.deepEqual(readMoment("?date=2026-W08-5&view=mars", data), {});
  assert.deepEqual(readMoment("?date=1990-01-01&view=world", data), {view: "world"});
  assert.deepEqual(readMoment("?view=constructor", data), {});
});

test("written in place, no history entry; nothing when it is already there", () => {
  const calls = [];
  const win = {location: {search: "?date=2025-03-01&view=world", pathname: "/map/", hash: "#x"},
    history: {state: {a: 1}, replaceState: (...args) => calls.push(args)}};
  assert.equal(writeMoment(win, {day: parseDay("2026-02-20"), view: "eastern"}), true);
  assert.deepEqual(calls, [[{a: 1}, "", "/map/?date=2026-02-20&view=eastern#x"]]);
  win.location.search = "?date=2026-02-20&view=eastern";
  writeMoment(win, {day: parseDay("2026-02-20"), view: "eastern"});
  assert.equal(calls.length, 1);
  const foreign = {get location() { throw new Error("another origin"); }};
  assert.equal(writeMoment(foreign, {day: 0, view: "world"}), false);
});

test("the language is part of the moment: written when known, read only when the page has it", () => {
  const day = parseDay("2026-02-20");
  assert.equal(momentQuery({day, view: "eastern", lang: "pl", present: true}), "?date=2026-02-20&view=eastern&lang=pl&present=1");
  const withLangs = {...data, langs: {en: "#a", pl: "#b"}};
  assert.deepEqual(readMoment("?date=2026-02-20&lang=pl", withLangs), {day, lang: "pl"});
  assert.deepEqual(readMoment("?lang=xx", withLangs), {});
  assert.deepEqual(readMoment("?lang=hasOwnProperty", withLangs), {});
  assert.deepEqual(readMoment("?lang=pl", data), {});  /* a page without languages */
});

test("the country whose card is open is part of the moment, when the data has it", () => {
  const day = parseDay("2026-02-20");
  assert.equal(momentQuery({day, view: "eastern", lang: "en", focus: "POL"}), "?date=2026-02-20&view=eastern&lang=en&focus=POL");
  const withUnits = {...data, units: {POL: {}, LTU: {}}};
  assert.deepEqual(readMoment("?focus=POL", withUnits), {focus: "POL"});
  assert.deepEqual(readMoment("?focus=pol", withUnits), {});
  assert.deepEqual(readMoment("?focus=__proto__", withUnits), {});
});

test("a page on its own opens in the browser's first language it has", async () => {
  const {browserLanguage} = await import("../../layers/web/js/link/standalone.js");
  const langs = {en: 1, pl: 1, uk: 1};
  assert.equal(browserLanguage(["de-DE", "pl-PL", "en"], langs), "pl");
  assert.equal(browserLanguage(["uk_UA"], langs), "uk");
  assert.equal(browserLanguage(["de", "fr"], langs), undefined);
  assert.equal(browserLanguage([undefined, "__proto__"], langs), undefined);
});
