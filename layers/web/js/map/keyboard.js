/* The map's keys (map/keys.js says which), once the map's document has focus. Escape closes
   what is open, latest first (control/open.js), then a tooltip, then leaves presentation mode. */

import {closeLatest, closeTooltips} from "../control/open.js";
import {keyAction} from "./keys.js";

export const keyboard = {
  name: "keyboard",
  needs: ["timebar"],
  start({map, data, controller, parts, host}) {
    const slider = parts.timebar.slider;
    const actions = {
      toggle: () => controller.toggle(),
      step: (direction) => controller.step(direction),
      move: (days) => controller.moveTo(controller.state.day + days),
      end: (which) => controller.moveTo(which === "first" ? data.start : data.end),
      fullscreen: () => host.fullScreen(),
      escape: () => closeLatest(map) || closeTooltips(map) || (controller.state.present && host.leavePresentation()),
    };
    document.addEventListener("keydown", (e) => {
      const tag = (e.target && e.target.tagName) || "";
      const press = {key: e.key, shiftKey: e.shiftKey, altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey,
        tag, onSlider: e.target === slider};
      const action = keyAction(press, controller.state.present);
      if (!action) return;
      e.preventDefault();
      actions[action[0]](action[1]);
    });
  },
};
