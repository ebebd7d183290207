/* Days as the page counts them: whole days since 1970-01-01 in UTC, so that no time zone can
   move a date. The data (layers/web/payload.py day_number) uses the same numbers. */

const MS_PER_DAY = 86400000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-02-20" for a day number. */
export function isoDay(day) {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day number of a strict ISO date (YYYY-MM-DD, a real calendar day), or null.
    The same rule as geodata's parse_day: no week dates, no missing zeros, no time. */
export function parseDay(text) {
  const match = ISO_DAY.exec(String(text));
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return Math.round(time / MS_PER_DAY);
}

/** Year, month (0-11) and day of the month of a day number. */
export function parts(day) {
  const date = new Date(day * MS_PER_DAY);
  return {year: date.getUTCFullYear(), month: date.getUTCMonth(), date: date.getUTCDate()};
}

export function clamp(day, first, last) {
  return Math.max(first, Math.min(last, Math.round(day)));
}
