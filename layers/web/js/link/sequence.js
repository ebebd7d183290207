/* Reports to the app and its answers. Each report of a settled date carries a sequence number
   that the app sends back with its date. A render whose number is older than the last report is
   a stale echo (a newer date is on its way), and a date the user has moved away from, but not yet
   reported, is not applied either: the map never jumps back to where the user was. */

export function createSequence(day) {
  let sequence = 0, sentDay = day;
  return {
    get number() { return sequence; },
    /** A report of *day* is sent: its number. */
    report(reportedDay) {
      sequence += 1;
      sentDay = reportedDay;
      return sequence;
    },
    /** The day to show for the app's render {day, seq}, or null to keep the map as it is.
        *shown* is the map's day now; *busy* while it plays or tours. */
    follow({day, seq = 0}, shown, busy) {
      if (day === null || day === undefined || seq < sequence) return null;
      if (busy || shown !== sentDay || day === shown) return null;
      sentDay = day;
      return day;
    },
  };
}
