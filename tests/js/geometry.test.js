// Boxes on the screen (core/geometry.js) and where names go (layer/placement.js).
import {test} from "node:test";
import assert from "node:assert/strict";
import {largestFreeRect, overlaps, segmentHitsBox} from "../../layers/web/js/core/geometry.js";
import {placeLabels} from "../../layers/web/js/layer/placement.js";

const box = (left, top, right, bottom) => ({left, top, right, bottom});

test("boxes that touch do not overlap; a segment through a box hits it", () => {
  assert.equal(overlaps(box(0, 0, 10, 10), box(10, 0, 20, 10)), false);
  assert.equal(overlaps(box(0, 0, 10, 10), box(9, 9, 20, 20)), true);
  assert.equal(segmentHitsBox([-5, 5], [15, 5], box(0, 0, 10, 10)), true);
  assert.equal(segmentHitsBox([-5, -5], [-1, 20], box(0, 0, 10, 10)), false);
  assert.equal(segmentHitsBox([-5, 12], [12, -5], box(0, 0, 10, 10)), true);  // cuts a corner
  assert.equal(segmentHitsBox([-5, 30], [30, -5], box(0, 0, 10, 10)), false);  // passes it by
});

test("a tall view goes between the side panels; a wide one below the caption, left of the legend", () => {
  // 1000 x 600: a caption at the top left, a legend at the top right, a bar along the bottom.
  const panels = [box(0, 0, 300, 250), box(800, 0, 1000, 300), box(0, 500, 1000, 600)];
  const tall = largestFreeRect(panels, 1000, 600, 0.6, 0);
  assert.deepEqual(tall, box(300, 0, 800, 500));
  const wide = largestFreeRect(panels, 1000, 600, 2.0, 0);
  // 800 x 250 holds a 500 x 250 view; the full width below the legend (1000 x 200) only 400 x 200.
  assert.deepEqual(wide, box(0, 250, 800, 500));
  for (const rect of [tall, wide]) assert.ok(panels.every((p) => !overlaps(p, rect)));
});

test("names in order, none overlapping, none on a panel or the belt", () => {
  const size = (text) => [10 * text.length, 20];
  const candidates = [
    {text: "Poland", x: 100, y: 100, always: true},
    {text: "Czechia", x: 110, y: 105, always: false},  // under Poland's name: left out
    {text: "Belarus", x: 300, y: 100, always: false},  // on the belt line: left out
    {text: "Latvia", x: 500, y: 40, always: false},  // under a panel: left out
    {text: "Lithuania", x: 100, y: 102, always: true},  // must be named: moved next to Poland's
  ];
  const placed = placeLabels(candidates, size, [box(450, 0, 600, 60)], [[[300, 0], [300, 300]]], 800, 400);
  assert.deepEqual(placed.map((p) => p.text), ["Poland", "Lithuania"]);
  const [poland, lithuania] = placed.map((p) => p.box);
  assert.equal(overlaps(poland, lithuania), false);
});

test("a name that must be shown and has no room at its point goes elsewhere inside its shape", () => {
  const size = (text) => [10 * text.length, 20];
  const russia = {text: "Russia", x: 2000, y: 100, always: true};  // far east, off the map
  const placed = placeLabels([russia], size, [], [], 800, 400, () => [[700, 300], [650, 200]]);
  assert.deepEqual(placed.map((p) => [p.text, (p.box.left + p.box.right) / 2, (p.box.top + p.box.bottom) / 2]), [["Russia", 700, 300]]);
  assert.deepEqual(placeLabels([{...russia, always: false}], size, [], [], 800, 400, () => [[700, 300]]), []);
});
