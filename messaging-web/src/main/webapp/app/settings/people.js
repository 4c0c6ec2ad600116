// Clients and their portal accounts, for the practice's admin: find a client by name (a POST: names never go
// into a URL), add one by hand or import many from a file, see whether they and their guardians can sign in to
// the portal, invite an account that has not signed up (a single-use link to hand over), add a minor's
// co-guardian, discharge and re-admit, and turn the client's messaging on or off.
import {confirmAction} from '../platform/confirm.js';
import {dialog} from '../platform/dialog.js';
import {announce, h, replace} from '../platform/dom.js';
import {Screen} from '../platform/screen.js';
import {findClients} from '../conversation/clients.js';
import {clientSwitch} from './dialogs.js';
import {addClient, guardianFields, MAX_GUARDIANS} from './intake.js';
import {invitation} from './invitations.js';
import {plainProblem} from './words.js';

const DATE = new Intl.DateTimeFormat(undefined, {day: 'numeric', month: 'short', year: 'numeric'});

export class People extends Screen {
  constructor(api, {onBack, onImport}) {
    const input = h('input', {type: 'search', id: 'people-search', autocomplete: 'off', 'aria-describedby': 'people-search-hint'});
    const results = h('ul', {class: 'people-results', 'aria-label': 'Clients found', 'aria-live': 'polite'});
    super({id: 'people', title: 'Clients and portal accounts', back: 'Administration', onBack},
      h('p', {class: 'screen-actions'},
        h('button', {type: 'button', class: 'task-open add-client', onclick: () => addClient(api, record => this.added(record))}, 'Add a client'),
        h('button', {type: 'button', class: 'secondary import-clients', onclick: onImport}, 'Import clients from a file')),
      h('label', {for: 'people-search'}, 'Find a client'), input,
      h('p', {class: 'hint', id: 'people-search-hint'}, 'Type part of the client\'s or a guardian\'s name.'), results);
    this.api = api;
    this.input = input;
    this.search = findClients(api, input, results, c => h('button', {type: 'button', class: 'person',
      onclick: () => this.client(c)},
    h('span', {class: 'person-name'}, c.displayName), c.note ? h('span', {class: 'person-note'}, c.note) : null,
    h('span', {class: `tag ${c.signedUp ? 'ok' : 'waiting'}`}, c.signedUp ? 'Signed up' : 'Not signed up'),
    c.inCare === false ? h('span', {class: 'tag off'}, 'Discharged') : null,
    c.messagingEnabled || c.inCare === false ? null : h('span', {class: 'tag off'}, 'Messaging off')));
  }

  show() {
    super.show();
    this.input.focus();
  }

  /** A client just added: their record, with an Invite for each portal account; closed, back to "Add a client". */
  async added(record) {
    announce(`${record.displayName} was added`);
    const element = await this.client(record, record, `${record.displayName} was added. Invite ${record.minor ? 'their guardians' : 'them'} `
      + 'to the client portal: each invitation is a link you give the person yourself.');
    element.addEventListener('close', () => this.element.querySelector('button.add-client').focus());
  }

  /**
   * One client: in care or discharged (discharging and re-admitting), their portal accounts (inviting one that has
   * not signed up, adding a minor's co-guardian) and their messaging switch.
   */
  async client(c, known = null, note = null) {
    const care = h('div', {class: 'client-care'});
    const accounts = h('ul', {class: 'portal-accounts', 'aria-label': 'Portal accounts'});
    const more = h('div', {class: 'co-guardian'});
    const status = h('p', {class: 'hint', role: 'status'});
    const element = dialog(c.displayName,
      note ? h('p', {class: 'added-note', role: 'status'}, note) : null,
      h('section', {class: 'setting', 'aria-labelledby': 'care-title'}, h('h3', {id: 'care-title'}, 'Care'), care),
      h('section', {class: 'setting', 'aria-labelledby': 'accounts-title'},
        h('h3', {id: 'accounts-title'}, 'Portal accounts'),
        h('p', {class: 'hint'}, 'Who can sign in to the client portal for this client: the client, or a minor\'s guardians.'), accounts, more),
      h('section', {class: 'setting', 'aria-labelledby': 'client-messaging-title'},
        h('h3', {id: 'client-messaging-title'}, 'Messaging'),
        ...await clientSwitch(this.api, c.id, c.displayName, status, () => {}, false), status));
    element.addEventListener('close', () => this.search());
    let record = known;
    try {
      record ??= await this.api.get(`admin/clients/${c.id}`);
    } catch (e) {
      replace(care, h('p', {class: 'error'}, plainProblem(e)));
      return element;
    }
    this.care(care, record);
    replace(accounts, record.accounts.length ? record.accounts.map(a => this.account(c, a))
      : [h('li', {class: 'empty'}, 'This client has no portal account.')]);
    if (record.minor) {
      this.coGuardian(more, record, accounts);
    }
    return element;
  }

  /** In care or discharged, with the one of Discharge and Re-admit that applies, asked for again first. */
  care(part, record, said = '') {
    const name = record.displayName;
    const born = record.dateOfBirth ? `born ${DATE.format(new Date(`${record.dateOfBirth}T12:00:00`))}` : null;
    const about = [record.minor ? 'A minor' : 'An adult', born].filter(Boolean).join(', ');
    const note = h('p', {class: 'hint', role: 'status'}, said);
    const act = async (sure, path, done) => {
      if (!await sure) {
        return;
      }
      try {
        const changed = await this.api.post(`admin/clients/${record.id}/${path}`);
        this.care(part, {...record, ...changed}, done);
        part.querySelector('button')?.focus();
        announce(done);
      } catch (e) {
        note.className = 'error';
        note.textContent = plainProblem(e);
      }
    };
    replace(part,
      h('p', {class: 'care-state'}, record.inCare ? h('span', {class: 'tag ok'}, 'In care') : h('span', {class: 'tag off'}, 'Discharged'),
        ` ${about}.`),
      record.inCare
        ? h('button', {type: 'button', class: 'block discharge', onclick: () => act(confirmAction({
          title: `Discharge ${name}?`,
          text: `Their portal accounts stop working for ${name}, and nobody in the practice can write to them. Their `
            + 'conversations are kept and stay readable. You can find them here, marked Discharged, and re-admit them.',
          action: `Discharge ${name}`,
        }), 'discharge', `${name} is discharged.`)}, 'Discharge')
        : h('button', {type: 'button', class: 'task-open readmit', onclick: () => act(confirmAction({
          title: `Re-admit ${name}?`,
          text: `${name} is in the practice's care again: their portal accounts work for them again and their `
            + 'practitioners can write to them.',
          action: `Re-admit ${name}`,
          className: 'task-open',
        }), 'readmission', `${name} is in care again.`)}, 'Re-admit'),
      note);
  }

  /** "Add a co-guardian" for a minor: a form under the accounts; the new account joins the list with its Invite. */
  coGuardian(part, record, accounts) {
    const count = () => accounts.querySelectorAll('.portal-account').length;
    const open = h('button', {type: 'button', class: 'secondary open-co-guardian', onclick: () => {
      open.hidden = true;
      form.hidden = false;
      fields.name.focus();
    }}, 'Add a co-guardian');
    const fields = guardianFields('co-guardian', 1, null);
    fields.element.querySelector('legend').textContent = 'Co-guardian';
    fields.element.append(h('p', {class: 'hint', id: 'co-guardian-email-hint'}, 'Where their invitation can go. Optional.'));
    const status = h('p', {class: 'hint', role: 'status'});
    const full = h('p', {class: 'hint'}, `${record.displayName} has ${MAX_GUARDIANS} guardians, the most a client can have.`);
    const form = h('form', {class: 'co-guardian-form', hidden: true, novalidate: true, onsubmit: async event => {
      event.preventDefault();
      try {
        const account = await this.api.post(`admin/clients/${record.id}/guardians`, fields.value());
        accounts.querySelector('.empty')?.remove();
        const item = this.account(record, account);
        accounts.append(item);
        fields.name.value = '';
        fields.email.value = '';
        form.hidden = true;
        open.hidden = count() >= MAX_GUARDIANS;
        full.hidden = !open.hidden;
        status.className = 'hint';
        item.focus();
        announce(`${account.displayName} was added as a guardian`);
      } catch (e) {
        status.className = 'error';
        status.textContent = `Not added: ${plainProblem(e)}`;
        fields.name.focus();
      }
    }}, fields.element, status,
    h('div', {class: 'form-actions'}, h('button', {type: 'submit', class: 'task-open save-co-guardian'}, 'Add guardian'),
      h('button', {type: 'button', class: 'secondary', onclick: () => {
        form.hidden = true;
        open.hidden = false;
        open.focus();
      }}, 'Cancel')));
    open.hidden = count() >= MAX_GUARDIANS;
    full.hidden = !open.hidden;
    replace(part, open, full, form);
  }

  account(client, account) {
    const item = h('li', {class: 'portal-account', tabindex: '-1'});
    const show = (a, activated = false) => {
      const who = h('p', {class: 'account-who'}, h('strong', {}, a.displayName), ` — ${a.relationship === 'guardian' ? 'guardian' : 'the client'}`,
        a.email ? h('span', {class: 'account-email'}, a.email) : null);
      if (a.signedUp) {
        replace(item, who, h('p', {class: 'account-state'}, h('span', {class: 'tag ok'}, 'Signed up'),
          a.signedUpAt ? ` on ${DATE.format(new Date(a.signedUpAt))}` : '', a.enabled ? '' : ' (account switched off)'),
        activated ? h('p', {class: 'hint'}, `${a.displayName} can sign in now, and sees every message that waited.`) : null);
        return;
      }
      replace(item, who, h('p', {class: 'account-state'}, h('span', {class: 'tag waiting'}, 'Not signed up'),
        ' Messages to them wait until they accept an invitation.'));
      invitation(this.api, item, a);
    };
    show(account);
    return item;
  }
}
