// A language's pack put into the data (layers/web/js/core/i18n.js localize, t).
import {test, afterEach} from "node:test";
import assert from "node:assert/strict";
import {localize, t, useMessages} from "../../layers/web/js/core/i18n.js";
import {useFormats} from "../../layers/web/js/core/format.js";

afterEach(() => { useMessages({}); useFormats(null); });

function data() {
  return {
    units: {LTU: {n: "Lithuania"}, RUS: {n: "Russia"}, GRL: {n: "Greenland", of: "DNK"}, DNK: {n: "Denmark"},
      SSD: {n: "South Sudan", pre: [15164, "SDN"]}, SDN: {n: "Sudan"}},
    events: [[1, "LTU", "x", "Lithuania signs"], [2, "", "y", "Opened"]],
    labels: {eastern: [["LTU", "Lithuania", 0, 0, true, null], ["RUS", "Kaliningrad (Russia)", 0, 0, true, null]]},
    tour: [[1, "eastern", "Stop one", 0, 5, null, "A note"]],
  };
}

test("names, owners, predecessors, events, labels and tour titles come from the pack", () => {
  const pack = {lang: "lt", languages: {en: "English", lt: "Lietuvių"}, messages: {"State Party": "Valstybė Šalis"},
    names: {LTU: "Lietuva", RUS: "Rusija", GRL: "Grenlandija", DNK: "Danija", SSD: "Pietų Sudanas", SDN: "Sudanas"},
    events: ["Lietuva pasirašo", "Atidaryta"], labels: {eastern: ["Lietuva", "Karaliaučius (Rusija)"]}, tour: [["Pirma stotelė", "Pastaba"]],
    chart: {labels: [], heading: "", months: []}};
  const shown = localize(data(), pack);
  assert.equal(shown.units.LTU.n, "Lietuva");
  assert.equal(shown.units.GRL.of, "Danija");
  assert.deepEqual(shown.units.SSD.pre, [15164, "Sudanas"]);
  assert.deepEqual(shown.events.map((e) => e[3]), ["Lietuva pasirašo", "Atidaryta"]);
  assert.deepEqual(shown.labels.eastern.map((l) => l[1]), ["Lietuva", "Karaliaučius (Rusija)"]);
  assert.deepEqual([shown.tour[0][2], shown.tour[0][6]], ["Pirma stotelė", "Pastaba"]);
  assert.equal(t("State Party"), "Valstybė Šalis");
  assert.equal(shown.lang, "lt");
});

test("a name the pack lacks falls back to the data's, a message to its English key", () => {
  const shown = localize(data(), {lang: "xx", names: {}, events: [], labels: {}, tour: [], messages: {}});
  assert.equal(shown.units.GRL.of, "Denmark");
  assert.equal(shown.events[0][3], "Lithuania signs");
  assert.equal(t("Withdrawn {n}", {n: 5}), "Withdrawn 5");
});
