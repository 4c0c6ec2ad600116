// Where a sent announcement stands, in words and as a bar: "1,240 of 5,000 delivered · 12 skipped" while it runs,
// a summary naming the skipped clients when it is done, the start when it is scheduled; and the button that cancels
// it while it can be. The delivery runs on the server in batches; the app asks how far it got until it is over.
import {ProblemError} from '../platform/api.js';
import {announce, h, replace} from '../platform/dom.js';

const SKIPPED = {
  'messaging-disabled': 'messaging is turned off for this client',
  'client-discharged': 'discharged',
  'messaging-off': 'messaging is turned off for the practice',
};
const POLL_MS = 1000;
const number = new Intl.NumberFormat();
const startTime = new Intl.DateTimeFormat(undefined, {weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit'});

export function clients(n) {
  return `${number.format(n)} ${n === 1 ? 'client' : 'clients'}`;
}

/** "1,240 of 5,000 delivered · 12 skipped". */
export function counts(view) {
  return `${number.format(view.delivered)} of ${number.format(view.total)} delivered`
    + (view.skipped ? ` · ${number.format(view.skipped)} skipped` : '');
}

export function startsAt(view) {
  return startTime.format(new Date(view.startsAt));
}

/** Shows the announcement in `status` and follows it until it is over; `onOver` runs once when it is. */
export function follow(api, status, view, onOver = () => {}) {
  let timer = null;
  let over = false;
  const cancel = h('button', {type: 'button', class: 'secondary cancel-announcement', onclick: async () => {
    cancel.disabled = true;
    try {
      show(await api.post(`announcements/${view.id}/cancel`));
    } catch (e) {
      cancel.disabled = false;
      status.append(h('p', {class: 'error'}, e instanceof ProblemError ? e.message : 'The server cannot be reached. Try again.'));
    }
  }}, 'Cancel announcement');
  const bar = h('progress', {class: 'announcement-progress', max: '1', value: '0', 'aria-label': 'Delivered'});

  function show(latest) {
    view = latest;
    clearTimeout(timer);
    if (view.state === 'scheduled') {
      cancel.textContent = 'Cancel announcement';
      replace(status, h('p', {}, `Scheduled for ${startsAt(view)}, to ${clients(view.total)}.`), cancel);
      announce(`Announcement scheduled for ${startsAt(view)}.`);
    } else if (view.state === 'running') {
      bar.max = Math.max(1, view.total);
      bar.value = view.delivered + view.skipped;
      cancel.textContent = 'Stop sending';
      replace(status, h('p', {class: 'progress-text'}, `Sending… ${counts(view)}`), bar, cancel);
    } else {
      replace(status, ...summary(view));
      announce(status.textContent);
    }
    if (view.state === 'scheduled' || view.state === 'running') {
      timer = setTimeout(poll, POLL_MS);
    } else if (!over) {
      over = true;
      onOver(view);
    }
  }

  async function poll() {
    if (!status.isConnected) {
      return; // the dialog was closed: nothing to show it in
    }
    try {
      show(await api.get(`announcements/${view.id}`));
    } catch {
      timer = setTimeout(poll, POLL_MS * 5);
    }
  }

  show(view);
}

/** The words for an announcement that is over: how many got it, who was skipped and why. */
export function summary(view) {
  const skipped = view.recipients.filter(r => r.skipped);
  const head = view.state === 'cancelled'
    ? h('p', {}, view.delivered ? `Cancelled after ${clients(view.delivered)} received it; nobody else will.` : 'Cancelled. Nobody received it.')
    : h('p', {}, `Sent to ${clients(view.delivered)}.`);
  return [head, skipped.length ? h('ul', {class: 'skipped'}, skipped.map(r => h('li', {},
    `Not sent to ${r.clientName}: ${SKIPPED[r.skipped] || r.skipped}.`))) : '',
    view.skipped > skipped.length ? h('p', {}, `${number.format(view.skipped - skipped.length)} more skipped.`) : ''];
}
