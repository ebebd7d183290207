// The order the map's parts start in (core/parts.js): declared, not the order Python added them.
import {test} from "node:test";
import assert from "node:assert/strict";
import {startOrder, startParts} from "../../layers/web/js/core/parts.js";

const part = (name, needs = [], after = []) => ({name, needs, after, start: (context) => ({order: Object.keys(context.parts).length})});
const catalogue = {
  timebar: part("timebar"), chart: part("chart", ["timebar"], ["caption"]), caption: part("caption"),
  events: part("events", [], ["caption", "beltpanel"]),
};

test("a part starts after the parts it needs and those it follows, in any page order", () => {
  const names = startOrder(catalogue, ["chart", "events", "caption", "timebar"]).map((p) => p.name);
  assert.ok(names.indexOf("timebar") < names.indexOf("chart"));
  assert.ok(names.indexOf("caption") < names.indexOf("chart"));
  assert.ok(names.indexOf("caption") < names.indexOf("events"));
  assert.deepEqual(startOrder(catalogue, ["events"]).map((p) => p.name), ["events"]);  // beltpanel absent: fine
});

test("a missing need or an unknown part is an error that names it", () => {
  assert.throws(() => startOrder(catalogue, ["chart"]), /chart needs timebar/);
  assert.throws(() => startOrder(catalogue, ["compass"]), /unknown map part "compass"/);
  const loop = {a: part("a", ["b"]), b: part("b", ["a"])};
  assert.throws(() => startOrder(loop, ["a", "b"]), /need each other/);
});

test("each part sees the parts started before it", () => {
  const started = startParts(startOrder(catalogue, ["chart", "timebar"]), {}, {});
  assert.equal(started.timebar.order, 0);
  assert.equal(started.chart.order, 1);
});
