/* The words the map shows. Every string a person reads goes through t(), so that the messages
   can come from a catalogue (the English text is the key); with no catalogue, English. */

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
