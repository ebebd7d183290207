/* Dates and numbers as a person reads them. */

import {parts} from "./days.js";
import {t} from "./i18n.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

/** "20 February 2026". */
export function longDay(day) {
  const {year, month, date} = parts(day);
  return `${date} ${t(MONTHS[month])} ${year}`;
}

/** "3,654 km". Not toLocaleString: its first call builds an ICU formatter, ~45 ms at start-up. */
export function km(value) {
  return `${String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} km`;
}
