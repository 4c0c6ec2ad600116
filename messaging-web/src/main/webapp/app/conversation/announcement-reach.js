// Who an announcement will reach, before it is sent: "Will go to 248 clients · 2 skipped (messaging turned off)",
// asked of the server (the same rules the delivery applies) a moment after the audience or the chosen clients last
// changed; an older answer never replaces a newer one.
import {ProblemError} from '../platform/api.js';
import {h} from '../platform/dom.js';
import {clients} from './announcement-progress.js';

const WAIT_MS = 300;
const number = new Intl.NumberFormat();
const WHY = {
  'messaging-disabled': 'messaging turned off',
  'client-discharged': 'discharged',
  'messaging-off': 'messaging turned off for the practice',
};

/** "Will go to 248 clients · 3 skipped (2 messaging turned off, 1 discharged)". */
export function reachText(preview) {
  // In the order of WHY, whatever order the answer has; a reason the app does not know yet is shown by its name.
  const order = [...Object.keys(WHY), ...Object.keys(preview.skipped).filter(reason => !(reason in WHY))];
  const reasons = order.map(reason => [reason, preview.skipped[reason] || 0]).filter(([, n]) => n > 0);
  const skipped = reasons.reduce((sum, [, n]) => sum + n, 0);
  const why = reasons.length === 1 ? WHY[reasons[0][0]] || reasons[0][0]
    : reasons.map(([reason, n]) => `${number.format(n)} ${WHY[reason] || reason}`).join(', ');
  return `Will go to ${clients(preview.receive)}` + (skipped ? ` · ${number.format(skipped)} skipped (${why})` : '');
}

/** The line, and `show(audience)`: the request's audience fields, or null when there is nobody to ask about yet. */
export function reachLine(api) {
  const line = h('p', {class: 'announcement-reach', id: 'announcement-reach', 'aria-live': 'polite'});
  let timer = null;
  let asked = 0;
  let last = null;
  function show(audience) {
    const key = JSON.stringify(audience);
    if (key === last) {
      return;
    }
    last = key;
    clearTimeout(timer);
    const mine = ++asked;
    if (!audience) {
      line.textContent = '';
      return;
    }
    line.classList.add('pending');
    timer = setTimeout(async () => {
      let text;
      try {
        text = reachText(await api.post('announcements/preview', audience));
      } catch (e) {
        text = e instanceof ProblemError ? e.message : 'Who will receive it cannot be counted right now.';
      }
      if (mine === asked) {
        line.textContent = text;
        line.classList.remove('pending');
      }
    }, WAIT_MS);
  }
  function stop() {
    clearTimeout(timer);
    asked++;
    line.classList.remove('pending');
  }
  return {element: line, show, stop};
}
