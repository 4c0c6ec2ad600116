// New announcement: one text to several clients at once (a payment reminder, new opening hours). Each
// client gets it in their conversation with the practitioner, labelled as an announcement; blocked clients
// receive it too, clients whose messaging is off or who were discharged are skipped and named.
import {ProblemError} from '../platform/api.js';
import {announce, h, replace} from '../platform/dom.js';
import {findClients} from './clients.js';
import {Composer} from './composer.js';

const SKIPPED = {
  'messaging-disabled': 'messaging is turned off for this client',
  'client-discharged': 'discharged',
};

export function newAnnouncement(api, onSent) {
  const chosen = new Map();
  const input = h('input', {type: 'search', id: 'announcement-search', autocomplete: 'off'});
  const results = h('ul', {class: 'client-results', 'aria-label': 'Clients found', 'aria-live': 'polite'});
  const recipients = h('ul', {class: 'recipients', 'aria-label': 'Recipients'});
  const count = h('p', {class: 'recipient-count', id: 'recipient-count'});
  const status = h('p', {class: 'status', role: 'status'});
  const recent = h('details', {class: 'recent-announcements'}, h('summary', {}, 'Your recent announcements'));
  // One id for this announcement, whatever retries it takes: the server sends it once.
  const announcementId = crypto.randomUUID();
  const composer = new Composer({onSend: html => send(html), label: 'Announcement', hintId: 'announcement-send-hint',
    placeholder: 'Write the announcement…'});
  const dialog = h('dialog', {class: 'picker announcement', 'aria-labelledby': 'announcement-title', onclose: () => dialog.remove()},
    h('h2', {id: 'announcement-title'}, 'New announcement'),
    h('p', {class: 'hint'}, 'Each client gets it in their conversation with you. Blocked clients receive announcements too; '
      + 'clients whose messaging is turned off do not.'),
    h('label', {for: 'announcement-search'}, 'Add clients'), input, results,
    h('h3', {}, 'Recipients'), count, recipients,
    composer.element, status, recent,
    h('div', {class: 'dialog-actions'}, h('button', {type: 'button', class: 'secondary', onclick: () => dialog.close()}, 'Close')));

  const render = () => {
    count.textContent = chosen.size === 1 ? '1 client' : `${chosen.size} clients`;
    replace(recipients, [...chosen.values()].map(c => h('li', {}, h('span', {}, c.displayName), ' ',
      h('button', {type: 'button', class: 'remove-recipient secondary', 'aria-label': `Remove ${c.displayName}`, onclick: () => {
        chosen.delete(c.id);
        render();
      }}, '×'))));
  };
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
    if (!chosen.size) {
      composer.setHtml(html);
      status.textContent = 'Add at least one client.';
      return;
    }
    status.textContent = 'Sending…';
    try {
      const sent = await api.post('announcements', {announcementId, html, clientIds: [...chosen.keys()]});
      const skipped = sent.recipients.filter(r => r.skipped);
      replace(status, `Sent to ${sent.delivered} ${sent.delivered === 1 ? 'client' : 'clients'}.`,
        skipped.length ? h('ul', {class: 'skipped'}, skipped.map(r => h('li', {}, `Not sent to ${r.clientName}: ${SKIPPED[r.skipped] || r.skipped}.`))) : '');
      announce(status.textContent);
      composer.lock('Sent.');
      input.value = '';
      input.disabled = true;
      replace(results);
      await onSent(sent);
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
  input.focus();
}

/** What the practitioner sent lately: when, to whom, and who was skipped (the text is in each thread). */
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
    h('time', {datetime: a.sentAt}, day.format(new Date(a.sentAt))), ': to ',
    a.recipients.filter(r => !r.skipped).map(r => r.clientName).join(', ') || 'nobody',
    a.skipped ? ` (${a.skipped} skipped)` : ''))) : h('p', {class: 'empty'}, 'You have not sent any announcements yet.'));
}
