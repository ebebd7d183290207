// A country's card (layers/web/js/control/card.js): what it says on a day, from data written by
// hand in the payload's shape (layers/web/payload.py). Only the plain functions; no DOM.
import {test} from "node:test";
import assert from "node:assert/strict";
import {barSegments, borderRows, dayShare, eventRows, keyDateRows, statusOn, yearTicks} from "../../layers/web/js/control/card.js";
import {parseDay} from "../../layers/web/js/core/days.js";
import {useMessages} from "../../layers/web/js/core/i18n.js";
import {lengthText} from "../../layers/web/js/core/phrases.js";

const day = parseDay;
const data = {
  start: 100, end: 300,
  styles: [{label: "Not joined"}, {label: "Signed only"}, {label: "State Party"}, {label: "Withdrawn"}],
  sources: ["UN Treaty Collection", "Depositary notification C.N.123"],
  units: {
    POL: {n: "Poland", r: [[120, 1], [200, 2], [280, 3]], d: [["signed", "1997-12-04"], ["in force", "2013-06-01"]], s: 0, note: ""},
    GRL: {n: "Greenland", r: [[100, 2]], d: [], s: 0, note: "", of: "Denmark"},
    SSD: {n: "South Sudan", r: [[100, 2]], d: [["independence", "2011-07-09"]], s: 1, note: "", pre: [day("2011-07-09"), "Sudan"]},
    UKR: {n: "Ukraine", r: [[100, 2]], d: [], s: 0, note: ""},
    RUS: {n: "Russia", r: [[100, 0]], d: [], s: 0, note: ""},
    BLR: {n: "Belarus", r: [[100, 2]], d: [], s: 0, note: ""},
  },
  events: [
    [120, "POL", "signed", "Poland signs", 0],
    [150, "", "global", "The Convention enters into force", 0],
    [280, "POL", "withdrawn", "Poland's withdrawal takes effect", 1],
    [290, "UKR", "suspension", "Ukraine notifies a suspension", 1],
  ],
  belt: {
    states: [{iso3: "POL", published: null, measured: 630.2, contested: false}, {iso3: "UKR", published: 1974, measured: 2010.4, contested: true}],
    pairs: [["POL", "RUS", 210.4, 232, []], ["POL", "BLR", 419.8, null, []], ["UKR", "RUS", 2010.4, 1974, []]],
  },
};

test("the status on a day: the run in force, its first day included; before any run, not joined", () => {
  assert.deepEqual(statusOn(data, "POL", 119), {index: 0, label: "Not joined", note: ""});
  assert.equal(statusOn(data, "POL", 120).label, "Signed only");
  assert.equal(statusOn(data, "POL", 279).label, "State Party");
  assert.equal(statusOn(data, "POL", 280).label, "Withdrawn");
});

test("a territory says whose status it shows; a new State its predecessor's until independence", () => {
  assert.equal(statusOn(data, "GRL", 200).note, "Shown with the status of Denmark.");
  assert.equal(statusOn(data, "SSD", day("2011-07-08")).note, "Part of Sudan until 9 July 2011: shown with its status.");
  assert.equal(statusOn(data, "SSD", day("2011-07-09")).note, "");
});

test("the bar: one segment per status, clipped to the timeline, in per cent", () => {
  assert.deepEqual(barSegments(data.units.POL.r, 100, 300), [
    {from: 100, to: 120, index: 0, x: 0, width: 10},  // before the first run: the default status
    {from: 120, to: 200, index: 1, x: 10, width: 40},
    {from: 200, to: 280, index: 2, x: 50, width: 40},
    {from: 280, to: 300, index: 3, x: 90, width: 10},
  ]);
  // A run begun before the start, a repeated status, a run after the end.
  assert.deepEqual(barSegments([[50, 2], [150, 2], [250, 3], [400, 0]], 100, 300).map((s) => [s.from, s.to, s.index]),
    [[100, 250, 2], [250, 300, 3]]);
  // A status that begins on the first day leaves no empty segment before it.
  assert.deepEqual(barSegments([[100, 2]], 100, 300), [{from: 100, to: 300, index: 2, x: 0, width: 100}]);
});

test("the marker's place is clamped to the bar", () => {
  assert.equal(dayShare(150, 100, 300), 25);
  assert.equal(dayShare(50, 100, 300), 0);
  assert.equal(dayShare(350, 100, 300), 100);
});

test("year ticks: every fifth year, labelled where they do not crowd, the last kept inside", () => {
  const ticks = yearTicks(day("1997-12-03"), day("2026-02-20"));
  assert.deepEqual(ticks.map((tick) => tick.year), [1997, 2000, 2005, 2010, 2015, 2020, 2025]);
  assert.deepEqual(ticks.filter((tick) => tick.label).map((tick) => tick.year), [1997, 2005, 2010, 2015, 2020, 2025]);
  assert.equal(ticks[0].x, 0);
  assert.equal(ticks[0].anchor, "start");
  assert.equal(ticks.at(-1).anchor, "end");
  assert.equal(ticks[3].anchor, "middle");
  assert.ok(Math.abs(ticks[3].x - 100 * (day("2010-01-01") - day("1997-12-03")) / (day("2026-02-20") - day("1997-12-03"))) < 1e-9);
});

test("key dates as a person reads them, each with the unit's source; a date that is not one stays as sent", () => {
  assert.deepEqual(keyDateRows(data, "POL"), [
    {label: "signed", day: day("1997-12-04"), date: "4 December 1997", source: "UN Treaty Collection"},
    {label: "in force", day: day("2013-06-01"), date: "1 June 2013", source: "UN Treaty Collection"},
  ]);
  const odd = {...data, units: {X: {n: "X", r: [], d: [["signed", "1997-12"]], s: 1}}};
  assert.deepEqual(keyDateRows(odd, "X"), [{label: "signed", day: null, date: "1997-12", source: "Depositary notification C.N.123"}]);
  assert.deepEqual(keyDateRows(data, "RUS"), []);
});

test("the unit's own events only, in order, with their sources", () => {
  // Days 120 and 280 count from 1970-01-01.
  assert.deepEqual(eventRows(data, "POL"), [
    {day: 120, date: "1 May 1970", title: "Poland signs", source: "UN Treaty Collection"},
    {day: 280, date: "8 October 1970", title: "Poland's withdrawal takes effect", source: "Depositary notification C.N.123"},
  ]);
  assert.deepEqual(eventRows(data, "GRL"), []);
});

test("a belt State's borders: per neighbour by name, published or not, and their total", () => {
  assert.deepEqual(borderRows(data, "POL"), {
    rows: [
      {neighbour: "RUS", name: "Russia", measured: "210 km", published: "232 km"},
      {neighbour: "BLR", name: "Belarus", measured: "420 km", published: "not published"},
    ],
    total: {measured: "630 km", published: "not published"},
    contested: false,
  });
  const ukraine = borderRows(data, "UKR");
  assert.equal(ukraine.total, null);  // one neighbour: no total
  assert.equal(ukraine.rows[0].measured, "2,010 km");
  assert.equal(ukraine.contested, true);
  assert.equal(borderRows(data, "GRL"), null);
});

test("a length of 0 is a length; only none is not published", () => {
  assert.equal(lengthText(0), "0 km");
  assert.equal(lengthText(null), "not published");
  assert.equal(lengthText(undefined), "not published");
});

test("the words go through the catalogue", () => {
  useMessages({"signed": "signé", "not published": "non publiée", "Shown with the status of {state}.": "Montré avec le statut de {state}."});
  try {
    assert.equal(keyDateRows(data, "POL")[0].label, "signé");
    assert.equal(borderRows(data, "POL").rows[1].published, "non publiée");
    assert.equal(statusOn(data, "GRL", 200).note, "Montré avec le statut de Denmark.");
  } finally {
    useMessages({});
  }
});

