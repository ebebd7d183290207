// Finding a unit by name or code (core/search.js): accents, apostrophes and case ignored.
import {test} from "node:test";
import assert from "node:assert/strict";
import {findUnits, fold} from "../../layers/web/js/core/search.js";

const units = {CIV: "Côte d'Ivoire", TUR: "Türkiye", POL: "Poland", PNG: "Papua New Guinea", NOR: "Norway", MNE: "Montenegro"};

test("accents, apostrophes and case do not matter", () => {
  assert.equal(fold("Côte d’Ivoire"), "cote divoire");
  assert.deepEqual(findUnits(units, "Cote d'Ivoire"), ["CIV"]);
  assert.deepEqual(findUnits(units, "turkiye"), ["TUR"]);
});

test("a code first, then a whole name, then the start of a name, then any part", () => {
  assert.deepEqual(findUnits(units, "pol"), ["POL"]);
  assert.deepEqual(findUnits(units, "PNG"), ["PNG"]);
  assert.deepEqual(findUnits(units, "no"), ["NOR"]);
  assert.deepEqual(findUnits(units, "ne"), ["MNE", "PNG"]);  // neither starts with it: by name
  assert.deepEqual(findUnits(units, "   "), []);
  assert.deepEqual(findUnits(units, "Atlantis"), []);
});

test("a unit is found by any of its names: the page's language's and the English one", () => {
  const units = {LTU: ["Litwa", "Lithuania"], CIV: ["Wybrzeże Kości Słoniowej", "Côte d’Ivoire"]};
  assert.deepEqual(findUnits(units, "lithuania"), ["LTU"]);
  assert.deepEqual(findUnits(units, "litwa"), ["LTU"]);
  assert.deepEqual(findUnits(units, "Cote d'Ivoire"), ["CIV"]);
  assert.deepEqual(findUnits(units, "wybrzeze"), ["CIV"]);
});
