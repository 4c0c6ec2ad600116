// The practice's practitioners and admins, for its admin: who they are, whether each has signed up or is
// switched off; adding one (who then signs in by the invitation shown here, or by the ID IT maps), and switching
// one off (their sign-in stops working at their next step; their conversations stay) and on again. An admin has
// no switch-off on their own row: the server refuses it, so a practice always keeps the admin who acts.
import {confirmAction} from '../platform/confirm.js';
import {dialog} from '../platform/dialog.js';
import {announce, h, replace} from '../platform/dom.js';
import {Screen} from '../platform/screen.js';
import {awayMark} from '../conversation/away.js';
import {invitation} from './invitations.js';
import {plainProblem} from './words.js';

const DATE = new Intl.DateTimeFormat(undefined, {day: 'numeric', month: 'short', year: 'numeric'});
const ROLES = {practitioner: 'Practitioner', admin: 'Admin'};
/** Which field a refusal of the add form is about. */
const FIELDS = {'invalid-display-name': 'member-name', 'invalid-role': 'member-role', 'invalid-email': 'member-email',
  'email-in-use': 'member-email', 'invalid-external-id': 'member-external-id', 'external-id-in-use': 'member-external-id'};

export class Members extends Screen {
  constructor(api, me, {onBack}) {
    const list = h('ul', {class: 'members', 'aria-label': 'Practitioners and admins'});
    const status = h('p', {class: 'hint', role: 'status'});
    super({id: 'members', title: 'Practitioners and admins', back: 'Administration', onBack},
      h('p', {class: 'hint'}, 'Everyone who works in the practice\'s messaging. Someone you add signs in once you give them '
        + 'their invitation link.'),
      h('p', {class: 'screen-actions'}, h('button', {type: 'button', class: 'task-open add-member', onclick: () => this.add()},
        'Add a practitioner or admin')), status, list);
    this.api = api;
    this.me = me;
    this.list = list;
    this.status = status;
  }

  async show() {
    super.show();
    await this.refresh();
  }

  async refresh() {
    try {
      const members = await this.api.get('admin/members');
      replace(this.list, members.length ? members.map(m => this.row(m)) : [h('li', {class: 'empty'}, 'Nobody yet.')]);
    } catch (e) {
      replace(this.list, h('li', {class: 'error'}, plainProblem(e)));
    }
  }

  /** One member: name, role and e-mail, signed up or not, switched off or not, and what the admin can do. */
  row(m) {
    const item = h('li', {class: `member${m.enabled ? '' : ' switched-off'}`, id: `member-${m.id}`, tabindex: '-1'});
    const self = m.id === this.me.id;
    const note = h('p', {class: 'hint member-note', role: 'status'});
    const switchButton = self ? null : m.enabled
      ? h('button', {type: 'button', class: 'secondary switch-off', 'aria-label': `Switch off ${m.displayName}`,
        onclick: () => this.switchOff(m, note)}, 'Switch off')
      : h('button', {type: 'button', class: 'secondary switch-on', 'aria-label': `Switch on ${m.displayName}`,
        onclick: () => this.switchOn(m, note)}, 'Switch on');
    replace(item,
      h('p', {class: 'member-who'}, h('strong', {class: 'member-name'}, m.displayName),
        h('span', {class: 'member-role'}, ROLES[m.role] || m.role, self ? ' · you' : '')),
      switchButton,
      m.email ? h('p', {class: 'member-email'}, m.email) : null,
      h('p', {class: 'account-state'},
        m.signedUp ? h('span', {class: 'tag ok'}, 'Signed up') : h('span', {class: 'tag waiting'}, 'Not signed up'),
        m.signedUp && m.signedUpAt ? ` on ${DATE.format(new Date(m.signedUpAt))}` : '',
        m.enabled ? null : [' ', h('span', {class: 'tag off'}, 'Switched off'), ' Cannot sign in.'],
        m.role === 'practitioner' ? awayMark(this.api, m.id) : null),
      note);
    if (!m.signedUp) {
      invitation(this.api, item, m);
    }
    return item;
  }

  async switchOff(m, note) {
    const sure = await confirmAction({
      title: `Switch off ${m.displayName}?`,
      text: `${m.displayName} can no longer sign in, and is signed out at their next step. Their conversations stay as they `
        + 'are. You can switch them on again here.',
      action: `Switch off ${m.displayName}`,
    });
    if (sure) {
      await this.switch(m, 'disable', note, `${m.displayName} is switched off.`);
    }
  }

  async switchOn(m, note) {
    await this.switch(m, 'enable', note, `${m.displayName} is switched on again and can sign in.`);
  }

  async switch(m, action, note, done) {
    replace(this.status);
    try {
      const changed = await this.api.post(`admin/members/${m.id}/${action}`);
      const row = this.row(changed);
      this.list.querySelector(`#member-${CSS.escape(m.id)}`)?.replaceWith(row);
      row.querySelector('.member-note').textContent = done;
      row.querySelector('.switch-off, .switch-on')?.focus();
      announce(done);
    } catch (e) {
      note.className = 'error';
      note.textContent = plainProblem(e);
    }
  }

  /** The form for a new member; on success the list again, the new row in focus with its Invite. */
  add() {
    const field = (id, label, input, hint) => h('div', {class: 'field'},
      h('label', {for: id}, label), input, hint ? h('p', {class: 'hint', id: `${id}-hint`}, hint) : null);
    const name = h('input', {type: 'text', id: 'member-name', maxlength: '100', autocomplete: 'off'});
    const role = h('select', {id: 'member-role', 'aria-describedby': 'member-role-hint'},
      h('option', {value: 'practitioner'}, 'Practitioner'),
      h('option', {value: 'admin'}, 'Admin'));
    const email = h('input', {type: 'email', id: 'member-email', maxlength: '254', autocomplete: 'off',
      'aria-describedby': 'member-email-hint'});
    const externalId = h('input', {type: 'text', id: 'member-external-id', maxlength: '200', autocomplete: 'off',
      spellcheck: 'false', 'aria-describedby': 'member-external-id-hint'});
    const status = h('p', {class: 'hint', role: 'status'});
    const inputs = [name, role, email, externalId];
    const element = dialog('Add a practitioner or admin', h('form', {class: 'setting add-member-form', novalidate: true,
      onsubmit: async event => {
        event.preventDefault();
        inputs.forEach(i => i.removeAttribute('aria-invalid'));
        try {
          const added = await this.api.post('admin/members', {displayName: name.value.trim(), role: role.value,
            email: email.value.trim() || null, externalId: externalId.value.trim() || null});
          element.close();
          await this.refresh();
          const row = this.list.querySelector(`#member-${CSS.escape(added.id)}`);
          replace(this.status, `${added.displayName} was added. They sign in once you give them their invitation link: `
            + 'choose Invite on their row.');
          row?.focus();
          row?.scrollIntoView({block: 'nearest'});
        } catch (e) {
          const wrong = FIELDS[e.type] && element.querySelector(`#${FIELDS[e.type]}`);
          wrong?.setAttribute('aria-invalid', 'true');
          status.className = 'error';
          status.textContent = `Not added: ${plainProblem(e)}`;
          (wrong || name).focus();
        }
      }},
    field('member-name', 'Name', name),
    field('member-role', 'Role', role, 'A practitioner writes to clients and colleagues; an admin looks after the practice, as you do.'),
    field('member-email', 'E-mail (optional)', email, 'Where their invitation can go; nobody else in the practice may have it.'),
    field('member-external-id', 'Employee or staff ID (optional)', externalId,
      'Only if hospital IT asked for it: with it, their first sign-in can find this account by itself.'),
    status,
    h('div', {class: 'form-actions'}, h('button', {type: 'submit', class: 'task-open save-member'}, 'Add'))));
    name.focus();
  }
}
