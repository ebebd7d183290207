/* The words the map shows, in the page's language. Every string a person reads goes through
   t(), the English text being the key into the language's messages; names, event titles and
   labels come from the language's pack (layers/web/payload.py language_pack), which localize()
   puts into the data once, before any part starts. */

import {useFormats} from "./format.js";

let messages = {};

export function useMessages(table) {
  messages = table || {};
}

/** The message for *text*, with {name} placeholders filled from *values*. */
export function t(text, values) {
  const message = messages[text] || text;
  if (!values) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Speak *pack*'s language: its messages and formats, and its words in *data* (names of units,
    of the States territories follow and States predate, event titles, labels, tour titles).
    Each list of the pack is in the order of the data's. */
export function localize(data, pack) {
  useMessages(pack.messages);
  useFormats(pack);
  const name = (iso3) => pack.names[iso3] ?? data.units[iso3]?.n ?? iso3;
  for (const [iso3, unit] of Object.entries(data.units)) {
    unit.en = unit.n;  /* the data's English name: search finds both */
    unit.n = name(iso3);
    if (unit.of) unit.of = name(unit.of);
    if (unit.pre) unit.pre = [unit.pre[0], name(unit.pre[1])];
  }
  data.events.forEach((event, i) => { if (pack.events[i] !== undefined) event[3] = pack.events[i]; });
  for (const [view, labels] of Object.entries(data.labels)) {
    labels.forEach((label, i) => { if (pack.labels[view]?.[i] !== undefined) label[1] = pack.labels[view][i]; });
  }
  data.tour.forEach((stop, i) => {
    if (pack.tour[i] === undefined) return;
    [stop[2], stop[6]] = pack.tour[i];  /* title and note */
  });
  data.lang = pack.lang;
  data.languages = pack.languages;
  data.chartWords = pack.chart;
  return data;
}
