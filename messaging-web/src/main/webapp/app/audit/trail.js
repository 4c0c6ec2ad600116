// The practice's audit trail for its admin: verify the hash chain (intact, or where it first breaks, with the
// head to keep outside the database), and export the events of a period as CSV. Audit rows hold ids, never
// message text or names; the export is a file the admin chose to download, not browser storage.
import {BASE, ProblemError} from '../platform/api.js';
import {dialog, problemText} from '../platform/dialog.js';
import {h, replace} from '../platform/dom.js';

const BROKEN = {
  'hash-mismatch': 'a row was changed',
  gap: 'a row was removed',
  'prev-mismatch': 'a row was replaced or relinked',
  'head-mismatch': 'rows were removed at the end, or added outside the application',
};
const NUMBER = new Intl.NumberFormat();

export function auditTrail(api) {
  const result = h('div', {class: 'verification', role: 'status'});
  const verify = h('button', {type: 'button', class: 'task-open verify-audit', onclick: async () => {
    verify.disabled = true;
    replace(result, h('p', {class: 'hint'}, 'Checking every row…'));
    try {
      replace(result, ...verification(await api.get('admin/audit/verification')));
    } catch (e) {
      replace(result, h('p', {class: 'error'}, problemText(e)));
    } finally {
      verify.disabled = false;
    }
  }}, 'Verify the audit trail');
  const today = new Date();
  const monthAgo = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 30);
  const from = h('input', {type: 'date', id: 'audit-from', value: day(monthAgo), max: day(today)});
  const to = h('input', {type: 'date', id: 'audit-to', value: day(today), max: day(today)});
  const exported = h('p', {class: 'hint', role: 'status'});
  const form = h('form', {class: 'audit-export', onsubmit: async event => {
    event.preventDefault();
    try {
      const range = {from: start(from.value, 0), to: start(to.value, 1)};
      const csv = await download(api, `admin/audit/events?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}&format=csv`);
      save(csv, `audit-events-${from.value}-to-${to.value}.csv`);
      exported.className = 'hint';
      exported.textContent = `Downloaded the events from ${from.value} to ${to.value} (${NUMBER.format(rows(csv))} rows).`;
    } catch (e) {
      exported.className = 'error';
      exported.textContent = `Not exported: ${problemText(e)}`;
    }
  }},
  h('div', {class: 'date-range'},
    h('p', {}, h('label', {for: 'audit-from'}, 'From'), from),
    h('p', {}, h('label', {for: 'audit-to'}, 'To (included)'), to)),
  h('button', {type: 'submit', class: 'secondary export-audit'}, 'Download CSV'), exported);
  dialog('Audit trail',
    h('section', {class: 'setting', 'aria-labelledby': 'verify-title'},
      h('h3', {id: 'verify-title'}, 'Verify'),
      h('p', {class: 'hint'}, 'Every row is chained to the one before it with a key kept outside the database, so a row '
        + 'changed, removed or added behind the application\'s back breaks the chain.'), verify, result),
    h('section', {class: 'setting', 'aria-labelledby': 'export-title'},
      h('h3', {id: 'export-title'}, 'Export'),
      h('p', {class: 'hint'}, 'The practice\'s events of a period (at most a year), one row each: who, what, when, which '
        + 'conversation or client by id, never message text or names.'), form));
}

function verification(v) {
  if (!v.ok) {
    return [h('p', {class: 'verdict broken'}, `The audit trail is broken at row ${NUMBER.format(v.broken.no)}: ${BROKEN[v.broken.reason] || v.broken.reason}.`),
      h('p', {class: 'hint'}, 'Tell hospital IT; keep this result. Rows before it are intact.')];
  }
  return [h('p', {class: 'verdict intact'}, `The audit trail is intact: ${NUMBER.format(v.rowsChecked)} rows checked.`),
    ...v.heads.map(head => h('p', {class: 'hint head'}, 'Keep a copy of where the chain ends outside the system; a later check '
      + `against it shows whether the newest rows were removed: row ${NUMBER.format(head.lastNo)}, hash `, h('code', {}, head.lastHash)))];
}

/** The start of a local day (plus some days) with its offset, as the API wants it. */
function start(value, plusDays) {
  const [y, m, d] = value.split('-').map(Number);
  const at = new Date(y, m - 1, d + plusDays);
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const pad = n => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${day(at)}T00:00:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

function day(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Records after the header; a line break inside a quoted cell is not a record's end. */
function rows(csv) {
  let quoted = false;
  let records = 0;
  for (const c of csv) {
    if (c === '"') {
      quoted = !quoted;
    } else if (c === '\n' && !quoted) {
      records++;
    }
  }
  return Math.max(0, records - 1);
}

/** The CSV as text: the API module reads JSON only. */
async function download(api, path) {
  let response;
  try {
    response = await fetch(`${BASE}api/${path}`, {headers: {Accept: 'text/csv', Authorization: `Bearer ${api.token}`},
      cache: 'no-store', credentials: 'omit'});
  } catch {
    throw new Error('the server cannot be reached');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    const error = new ProblemError(response.status, problem, response.headers);
    if (response.status === 401) {
      api.onUnauthorized(error);
    }
    throw error;
  }
  return response.text();
}

function save(text, name) {
  const url = URL.createObjectURL(new Blob([text], {type: 'text/csv'}));
  const link = h('a', {href: url, download: name, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
