// The out-of-office line above the composer: "Dr. Maria Rivera is away until Friday 12 December, 9:00", the end
// shown in the reader's own time zone (the browser's), since the server sends it as an instant.

/** The line for a practitioner who is away until the instant (an ISO string), or with an open end (null). */
export function awayText(name, until, timeZone = undefined) {
  if (!until) {
    return `${name} is away for now.`;
  }
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone,
  }).formatToParts(new Date(until)).map(p => [p.type, p.value]));
  return `${name} is away until ${parts.weekday} ${parts.day} ${parts.month}, ${Number(parts.hour)}:${parts.minute}`;
}
