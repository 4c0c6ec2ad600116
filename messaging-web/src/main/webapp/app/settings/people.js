// Clients and their portal accounts, for the practice's admin: find a client by name (a POST: names never go
// into a URL), see whether they and their guardians can sign in to the portal, activate an account that has
// not signed up by inviting them (a single-use link to hand over), and turn the client's messaging on or off.
import {dialog, problemText} from '../platform/dialog.js';
import {h, replace} from '../platform/dom.js';
import {Screen} from '../platform/screen.js';
import {findClients} from '../conversation/clients.js';
import {clientSwitch} from './dialogs.js';
import {invitation} from './invitations.js';

const DATE = new Intl.DateTimeFormat(undefined, {day: 'numeric', month: 'short', year: 'numeric'});

export class People extends Screen {
  constructor(api, {onBack}) {
    const input = h('input', {type: 'search', id: 'people-search', autocomplete: 'off', 'aria-describedby': 'people-search-hint'});
    const results = h('ul', {class: 'people-results', 'aria-label': 'Clients found', 'aria-live': 'polite'});
    super({id: 'people', title: 'Clients and portal accounts', back: 'Administration', onBack},
      h('label', {for: 'people-search'}, 'Find a client'), input,
      h('p', {class: 'hint', id: 'people-search-hint'}, 'Type part of the client\'s or a guardian\'s name.'), results);
    this.api = api;
    this.input = input;
    this.search = findClients(api, input, results, c => h('button', {type: 'button', class: 'person',
      onclick: () => this.client(c)},
    h('span', {class: 'person-name'}, c.displayName), c.note ? h('span', {class: 'person-note'}, c.note) : null,
    h('span', {class: `tag ${c.signedUp ? 'ok' : 'waiting'}`}, c.signedUp ? 'Signed up' : 'Not signed up'),
    c.messagingEnabled ? null : h('span', {class: 'tag off'}, 'Messaging off')));
  }

  show() {
    super.show();
    this.input.focus();
  }

  /** One client: their portal accounts (activating one that has not signed up) and their messaging switch. */
  async client(c) {
    const accounts = h('ul', {class: 'portal-accounts', 'aria-label': 'Portal accounts'});
    const status = h('p', {class: 'hint', role: 'status'});
    const element = dialog(c.displayName,
      h('section', {class: 'setting', 'aria-labelledby': 'accounts-title'},
        h('h3', {id: 'accounts-title'}, 'Portal accounts'),
        h('p', {class: 'hint'}, 'Who can sign in to the client portal for this client: the client, or a minor\'s guardians.'), accounts),
      h('section', {class: 'setting', 'aria-labelledby': 'client-messaging-title'},
        h('h3', {id: 'client-messaging-title'}, 'Messaging'),
        ...await clientSwitch(this.api, c.id, c.displayName, status, () => {}, false), status));
    element.addEventListener('close', () => this.search());
    try {
      const list = await this.api.get(`admin/clients/${c.id}/portal-accounts`);
      replace(accounts, list.length ? list.map(a => this.account(c, a)) : [h('li', {class: 'empty'}, 'This client has no portal account.')]);
    } catch (e) {
      replace(accounts, h('li', {class: 'error'}, problemText(e)));
    }
  }

  account(client, account) {
    const item = h('li', {class: 'portal-account', tabindex: '-1'});
    const show = (a, activated = false) => {
      const who = h('p', {class: 'account-who'}, h('strong', {}, a.displayName), ` — ${a.relationship === 'guardian' ? 'guardian' : 'the client'}`);
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
