// The key table (map/keys.js): what each key does, and keys typed in a field left alone.
import {test} from "node:test";
import assert from "node:assert/strict";
import {keyAction} from "../../layers/web/js/map/keys.js";

const press = (key, extra = {}) => ({key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, tag: "BODY", onSlider: false, ...extra});

test("the README's keys", () => {
  assert.deepEqual(keyAction(press(" "), false), ["toggle"]);
  assert.deepEqual(keyAction(press("PageDown"), false), ["step", 1]);
  assert.deepEqual(keyAction(press("]"), false), ["step", 1]);
  assert.deepEqual(keyAction(press("PageUp"), false), ["step", -1]);
  assert.deepEqual(keyAction(press("ArrowRight"), false), ["move", 1]);
  assert.deepEqual(keyAction(press("ArrowLeft", {shiftKey: true}), false), ["move", -30]);
  assert.deepEqual(keyAction(press("Home"), false), ["end", "first"]);
  assert.deepEqual(keyAction(press("End", {tag: "INPUT", onSlider: true}), false), ["end", "last"]);
});

test("a clicker in presentation mode steps by event", () => {
  assert.deepEqual(keyAction(press("ArrowRight"), true), ["step", 1]);
  assert.deepEqual(keyAction(press("ArrowLeft"), true), ["step", -1]);
});

test("Escape closes what is open (or leaves presentation mode), even from a select; a field keeps it", () => {
  assert.deepEqual(keyAction(press("Escape"), true), ["escape"]);
  assert.deepEqual(keyAction(press("Escape"), false), ["escape"]);
  assert.deepEqual(keyAction(press("Escape", {tag: "SELECT"}), false), ["escape"]);
  assert.deepEqual(keyAction(press("Escape", {tag: "INPUT", onSlider: true}), false), ["escape"]);
  assert.equal(keyAction(press("Escape", {tag: "INPUT"}), false), null);
});

test("typing in a field, a button's Space and shortcuts with modifiers are not map keys", () => {
  assert.equal(keyAction(press(" ", {tag: "INPUT"}), false), null);
  assert.equal(keyAction(press("f", {tag: "TEXTAREA"}), false), null);
  assert.equal(keyAction(press(" ", {tag: "BUTTON"}), false), null);
  assert.equal(keyAction(press("ArrowRight", {altKey: true}), false), null);
  assert.equal(keyAction(press("x"), false), null);
});
