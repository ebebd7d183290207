/* Sentences more than one part says (a unit's tooltip, its card, the belt panel), kept in one
   place so that they read the same everywhere and are translated once. */

import {km, longDay} from "./format.js";
import {t} from "./i18n.js";

/** Why a unit has a colour that is not its own decision on *day*, or "": before its
    independence a State shows its predecessor's status, a territory always its State's
    (layers/web/payload.py sends unit.pre and unit.of). */
export function shownWith(unit, day) {
  if (unit.pre && day < unit.pre[0]) {
    return t("Part of {state} until {date}: shown with its status.", {state: unit.pre[1], date: longDay(unit.pre[0])});
  }
  return unit.of ? t("Shown with the status of {state}.", {state: unit.of}) : "";
}

/** A published length, or that there is none (null is "not published", never 0: the same words
    as the app, the CSV and the PNG). */
export function lengthText(value) {
  return value === null || value === undefined ? t("not published") : km(value);
}
