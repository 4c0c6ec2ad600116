// New announcement: one text to several clients at once (a payment reminder, new opening hours), to clients
// chosen one by one or to all of the practitioner's clients, now or at a chosen time. Each client gets it in their
// conversation with the practitioner, labelled as an announcement; blocked clients receive it too, clients whose
// messaging is off or who were discharged are skipped and named, and the dialog says how many before it is sent
// (announcement-reach.js). A large one is delivered in the background: the
// dialog shows how far it got and can stop it (announcement-progress.js).
// An admin's dialog (forPractice) announces on behalf of the practice: to all its clients or to the clients of the
// practitioners the admin ticks; each client gets it once, from the practice, in a conversation they have with one of
// its practitioners.
import {ProblemError} from '../platform/api.js';
import {announce, h, replace} from '../platform/dom.js';
import {clients, counts, follow, startsAt} from './announcement-progress.js';
import {reachLine} from './announcement-reach.js';
import {findClients} from './clients.js';
import {Composer} from './composer.js';

const STATES = {scheduled: 'scheduled', running: 'sending', cancelled: 'cancelled'};

export function newAnnouncement(api, onSent, {forPractice = false} = {}) {
  const chosen = new Map();
  const input = h('input', {type: 'search', id: 'announcement-search', autocomplete: 'off'});
  const results = h('ul', {class: 'client-results', 'aria-label': 'Clients found', 'aria-live': 'polite'});
  const recipients = h('ul', {class: 'recipients', 'aria-label': 'Recipients'});
  const count = h('p', {class: 'recipient-count', id: 'recipient-count'});
  const status = h('div', {class: 'status', role: 'status'});
  const radio = (name, value, text, checked) => h('label', {class: 'choice'},
    h('input', {type: 'radio', name, value, checked: checked ? '' : null, onchange: render}), ' ', text);
  const audience = h('fieldset', {class: 'audience'}, h('legend', {}, 'To'), ...(forPractice
    ? [radio('audience', 'practice', 'All clients of the practice', true), radio('audience', 'practitioners', 'Clients of practitioners I choose', false)]
    : [radio('audience', 'chosen', 'Clients I choose', true), radio('audience', 'my-clients', 'All my clients', false)]));
  const practitioners = h('fieldset', {class: 'announcement-practitioners', hidden: ''}, h('legend', {}, 'Practitioners'));
  const sendAt = h('input', {type: 'datetime-local', id: 'announcement-send-at', 'aria-label': 'Date and time to send', hidden: ''});
  const when = h('fieldset', {class: 'when'}, h('legend', {}, 'When'),
    radio('when', 'now', 'Send now', true), radio('when', 'later', 'Schedule', false), sendAt);
  const choosing = h('div', {class: 'choosing'});
  const reach = reachLine(api);
  const recent = h('details', {class: 'recent-announcements'}, h('summary', {}, 'Your recent announcements'));
  // One id for this announcement, whatever retries it takes: the server sends it once.
  const announcementId = crypto.randomUUID();
  const composer = new Composer({onSend: html => send(html), label: 'Announcement', hintId: 'announcement-send-hint',
    placeholder: 'Write the announcement…'});
  const dialog = h('dialog', {class: 'picker announcement', 'aria-labelledby': 'announcement-title', onclose: () => dialog.remove()},
    h('h2', {id: 'announcement-title'}, forPractice ? 'New announcement from the practice' : 'New announcement'),
    h('p', {class: 'hint'}, forPractice
      ? 'It comes from the practice: each client gets it once, in a conversation they have with one of its practitioners. '
        + 'Blocked clients receive announcements too; clients whose messaging is turned off or who were discharged do not.'
      : 'Each client gets it in their conversation with you. Blocked clients receive announcements too; '
        + 'clients whose messaging is turned off do not.'),
    audience, forPractice ? practitioners : choosing, reach.element, when,
    composer.element, status, recent,
    h('div', {class: 'dialog-actions'}, h('button', {type: 'button', class: 'secondary', onclick: () => dialog.close()}, 'Close')));

  choosing.append(h('label', {for: 'announcement-search'}, 'Add clients'), input, results, h('h3', {}, 'Recipients'), count, recipients);
  const picked = name => dialog.querySelector(`input[name='${name}']:checked`).value;
  const ticked = () => [...practitioners.querySelectorAll('input:checked')].map(box => box.value).sort();
  /** The request's audience fields as the dialog stands, or null when there is nobody to ask about yet. */
  function asked() {
    if (forPractice) {
      return picked('audience') === 'practice' ? {audience: 'practice'}
        : ticked().length ? {audience: 'practitioners', practitionerIds: ticked()} : null;
    }
    return picked('audience') === 'chosen' ? (chosen.size ? {audience: 'chosen', clientIds: [...chosen.keys()].sort()} : null)
      : {audience: 'my-clients'};
  }
  function render() {
    choosing.hidden = picked('audience') !== 'chosen';
    practitioners.hidden = picked('audience') !== 'practitioners';
    sendAt.hidden = picked('when') !== 'later';
    count.textContent = clients(chosen.size);
    reach.show(asked());
    replace(recipients, [...chosen.values()].map(c => h('li', {}, h('span', {}, c.displayName), ' ',
      h('button', {type: 'button', class: 'remove-recipient secondary', 'aria-label': `Remove ${c.displayName}`, onclick: () => {
        chosen.delete(c.id);
        render();
      }}, '×'))));
  }
  // Adding a client ends that search: the query goes, rather than staying with "No client found." under it.
  const search = findClients(api, input, results, c => h('button', {type: 'button', class: 'client add-recipient',
    'aria-label': `Add ${c.displayName}`, onclick: () => {
      chosen.set(c.id, c);
      announce(`${c.displayName} added`);
      render();
      input.value = '';
      search();
      input.focus();
    }}, c.displayName, c.blocked ? ' (blocked)' : '', c.note ? ` — ${c.note}` : ''), c => !chosen.has(c.id));

  async function send(html) {
    const later = picked('when') === 'later';
    const to = asked();
    if (!to) {
      composer.setHtml(html);
      status.textContent = forPractice ? 'Choose at least one practitioner.' : 'Add at least one client.';
      return;
    }
    if (later && !sendAt.value) {
      composer.setHtml(html);
      status.textContent = 'Choose the date and time to send it.';
      return;
    }
    status.textContent = later ? 'Scheduling…' : 'Sending…';
    const body = {announcementId, html, ...to};
    if (later) {
      body.sendAt = sendAt.value;
      body.timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    }
    try {
      const sent = await api.post('announcements', body);
      composer.lock(later ? 'Scheduled.' : 'Sent.');
      reach.stop();
      for (const control of dialog.querySelectorAll('fieldset input, #announcement-search')) {
        control.disabled = true;
      }
      input.value = '';
      replace(results);
      follow(api, status, sent, view => onSent(view));
    } catch (e) {
      composer.setHtml(html);
      status.textContent = e instanceof ProblemError ? e.message : 'The server cannot be reached. Try again.';
    }
  }

  document.body.append(dialog);
  dialog.showModal();
  showRecent(api, recent);
  composer.mount();
  render();
  if (forPractice) {
    listPractitioners(api, practitioners, render);
    audience.querySelector('input').focus();
  } else {
    input.focus();
  }
}

/** A box for each practitioner of the practice who is switched on (GET admin/members), ticked to add their clients. */
async function listPractitioners(api, fieldset, onChange) {
  let members;
  try {
    members = await api.get('admin/members');
  } catch {
    fieldset.append(h('p', {class: 'empty'}, 'The practitioners cannot be listed right now.'));
    return;
  }
  for (const p of members.filter(m => m.role === 'practitioner' && m.enabled)) {
    fieldset.append(h('label', {class: 'choice'}, h('input', {type: 'checkbox', name: 'practitioner', value: p.id, onchange: onChange}),
      ' ', p.displayName));
  }
}

/** What the practitioner sent lately: when, to whom, who was skipped, and any still scheduled or sending (the text is in each thread). */
async function showRecent(api, recent) {
  let sent;
  try {
    sent = await api.get('announcements');
  } catch {
    recent.append(h('p', {class: 'empty'}, 'Your announcements cannot be listed right now.'));
    return;
  }
  const day = new Intl.DateTimeFormat(undefined, {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'});
  recent.append(sent.length ? h('ul', {class: 'sent-announcements'}, sent.map(a => h('li', {},
    h('time', {datetime: a.sentAt}, day.format(new Date(a.sentAt))), ': ', STATES[a.state] ? h('strong', {class: 'state'}, STATES[a.state]) : '',
    STATES[a.state] ? ', ' : '', toWhom(a),
    a.state === 'scheduled' ? ` — for ${startsAt(a)}` : '', a.state === 'running' ? ` — ${counts(a)}` : '',
    a.skipped ? ` (${a.skipped} skipped)` : ''))) : h('p', {class: 'empty'}, 'You have not sent any announcements yet.'));
}

function toWhom(a) {
  const names = a.recipients.filter(r => !r.skipped).map(r => r.clientName);
  if (a.state === 'done' && names.length === a.delivered) {
    return `to ${names.join(', ') || 'nobody'}`;
  }
  return `to ${clients(a.total)}`;
}
