// The out-of-office line above the composer: "Dr. Maria Rivera is away until Friday 12 December, 9:00", the end
// shown in the reader's own time zone (the browser's), since the server sends it as an instant; and the away mark
// beside a colleague's name.
import {h} from '../platform/dom.js';

/** "until Monday 7 December, 15:00" on the reader's clock, or "" for an open end. */
export function untilText(until, timeZone = undefined) {
  if (!until) {
    return '';
  }
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone,
  }).formatToParts(new Date(until)).map(p => [p.type, p.value]));
  return `until ${parts.weekday} ${parts.day} ${parts.month}, ${Number(parts.hour)}:${parts.minute}`;
}

/** The line for a practitioner who is away until the instant (an ISO string), or with an open end (null). */
export function awayText(name, until, timeZone = undefined) {
  return until ? `${name} is away ${untilText(until, timeZone)}` : `${name} is away for now.`;
}

/** The away mark beside a practitioner's name (the colleague picker): filled in once their status is known. */
export function awayMark(api, practitionerId) {
  const mark = h('span', {class: 'away-mark', hidden: true});
  api.get(`practitioners/${practitionerId}/away`).then(status => {
    if (status.away) {
      mark.textContent = status.until ? `Away ${untilText(status.until)}` : 'Away';
      mark.hidden = false;
    }
  }).catch(() => {});
  return mark;
}
