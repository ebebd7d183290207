/* What the browser tests and benchmarks reach into, and only they: installed when the page was
   opened with window.MBT_TEST_HOOKS = true set before its scripts ran (bench/harness.py does it
   with an init script); the page users get exposes nothing. */

import {isoDay, parseDay} from "../core/days.js";

export function installHooks(win, {map, data, controller, parts}, timing) {
  const hooks = {
    map, data, timing, isoDay, parseDay,
    ready: true,
    get day() { return controller.state.day; },
    get view() { return controller.state.view; },
    get stats() { return controller.stats; },
    setDay: (day) => controller.setDay(day),
    play: (from, to) => controller.play(from, to),
    pause: () => controller.pause(true),
    isPlaying: () => controller.playing,
    isTouring: () => controller.touring,
    step: (direction) => controller.step(direction),
    showView: (name) => controller.setView(name),
    beltState: () => parts.belt.states(),
    get beltTotals() { return parts.beltpanel.totals(); },
  };
  win.MBT = hooks;
}
