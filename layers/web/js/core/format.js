/* Dates and numbers as a person reads them, by CLDR's rules for the page's language: the
   patterns, month names and number symbols come from Babel in the language's pack
   (layers/i18n.py browser_data, whose format_date_like_browser and format_number_like_browser
   are this code's specification, checked against Babel for every language). Not Intl: its
   first call builds an ICU formatter, ~45 ms at start-up. */

import {parts} from "./days.js";

const ENGLISH = {
  date: {
    parts: [["d"], " ", ["MMMM"], " ", ["y"]],
    months: ["January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"],
  },
  number: {decimal: ".", group: ",", minusSign: "-", grouping: 3, minimumGroupingDigits: 1},
  km: "{0} km",
};

let formats = ENGLISH;

/** Format as *pack* says (its date, number and km); English without one. */
export function useFormats(pack) {
  formats = pack && pack.date ? {date: pack.date, number: pack.number, km: pack.km} : ENGLISH;
}

/** The long date of a day number: "20 February 2026", "20 lutego 2026". */
export function longDay(day) {
  const {year, month, date} = parts(day);
  const two = (n) => String(n).padStart(2, "0");
  const fields = {d: String(date), dd: two(date), M: String(month + 1), MM: two(month + 1),
    MMMM: formats.date.months[month], LLLL: formats.date.months[month], y: String(year), yyyy: String(year).padStart(4, "0")};
  return formats.date.parts.map((part) => (typeof part === "string" ? part : fields[part[0]])).join("");
}

/** *value* rounded half away from zero to *decimals*, from its shortest decimal text (as
    Python's Decimal(str(value))), so that 2.45 gives "2.5" as Babel does, not toFixed's "2.4". */
export function roundedDigits(value, decimals) {
  const text = String(Math.abs(value));
  if (/e/i.test(text)) return Math.abs(value).toFixed(decimals);  /* not for the map's numbers */
  const [whole, fraction = ""] = text.split(".");
  const digits = (whole + fraction.padEnd(decimals + 1, "0").slice(0, decimals + 1)).split("").map(Number);
  const up = digits.pop() >= 5;
  for (let i = digits.length - 1; up && i >= 0; i -= 1) {
    if (digits[i] < 9) { digits[i] += 1; break; }
    digits[i] = 0;
    if (i === 0) digits.unshift(1);
  }
  const all = digits.join("");
  const cut = all.length - decimals;
  return decimals ? `${all.slice(0, cut) || "0"}.${all.slice(cut)}` : all;
}

/** A number in the language's style: "3,654", "3654" (Polish: no group below 10,000), "3 654". */
export function number(value, decimals = 0) {
  const style = formats.number;
  const rounded = roundedDigits(value, decimals);
  let [whole, fraction] = rounded.split(".");
  whole = whole.replace(/^0+(?=\d)/, "");
  if (whole.length >= style.grouping + style.minimumGroupingDigits) {
    const head = whole.length % style.grouping || style.grouping;
    const groups = [whole.slice(0, head)];
    for (let i = head; i < whole.length; i += style.grouping) groups.push(whole.slice(i, i + style.grouping));
    whole = groups.join(style.group);
  }
  const sign = value < 0 && /[1-9]/.test(rounded) ? style.minusSign : "";  /* none before zero */
  return sign + whole + (decimals ? style.decimal + fraction : "");
}

/** A length in whole kilometres: "3,654 km", "3654 km", "3 654 км". */
export function km(value) {
  return formats.km.replace("{0}", number(value));
}
