// An admin's out-of-office screen: the team's current and planned absences (removable), and one form that sets the
// same period and reply for the practitioners ticked, all at once or none (the server refuses the whole request
// when one of them cannot have it, e.g. an overlap). **Change** on a listed period fills the form with it and its
// practitioner alone; **Save changes** replaces that one period (set by this admin from then on). Times are on
// this device's clock and zone.
import {announce, h, replace} from '../platform/dom.js';
import {Screen} from '../platform/screen.js';
import {localValue, periodText} from './out-of-office.js';
import {ReplyEditor} from './reply-editor.js';
import {plainProblem} from './words.js';

export class TeamAway extends Screen {
  constructor(api, {onBack}) {
    const list = h('ul', {class: 'away-list team-away-list', 'aria-label': 'Current and planned absences'});
    const people = h('fieldset', {class: 'away-members'}, h('legend', {}, 'Practitioners'));
    const start = h('input', {type: 'datetime-local', id: 'team-away-start'});
    const end = h('input', {type: 'datetime-local', id: 'team-away-end'});
    const reply = new ReplyEditor({id: 'team-away-reply'});
    const colleagues = h('input', {type: 'checkbox', id: 'team-away-colleagues'});
    const status = h('p', {class: 'hint', role: 'status'});
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    super({id: 'team-away', title: 'Out of office', back: 'Administration', onBack},
      h('p', {class: 'hint'}, 'While a practitioner is away, a client who writes to them gets the reply once in each conversation.'),
      h('h3', {}, 'Current and planned'), list,
      h('section', {class: 'setting', 'aria-labelledby': 'team-away-form-title'},
        h('h3', {id: 'team-away-form-title'}, 'Set out of office for practitioners'),
        people,
        h('div', {class: 'away-times'},
          h('div', {}, h('label', {for: 'team-away-start'}, 'Away from'), start),
          h('div', {}, h('label', {for: 'team-away-end'}, 'Back at (leave empty if not known)'), end)),
        h('p', {class: 'hint'}, `Times on this device's clock (${zone}).`),
        h('p', {class: 'field-label'}, 'Automatic reply'), reply.element,
        h('div', {class: 'away-check'}, colleagues, h('label', {for: 'team-away-colleagues'}, 'Colleagues get the reply too')),
        h('button', {type: 'button', class: 'save-away configure-away', onclick: () => this.configure()}, 'Configure out of office'),
        status));
    Object.assign(this, {api, list, people, start, end, reply, colleagues, status, zone, editing: null,
      save: this.element.querySelector('button.configure-away')});
  }

  async show() {
    super.show();
    this.reply.mount();
    await this.refresh();
  }

  async refresh() {
    try {
      const [periods, members] = await Promise.all([this.api.get('admin/out-of-office'), this.api.get('admin/members')]);
      replace(this.list, periods.length ? periods.map(p => h('li', {class: `away-period${p.active ? ' active' : ''}`},
        h('strong', {}, p.practitioner.displayName), ' ', p.active ? h('span', {class: 'tag away-now'}, 'Away now') : null, ' ',
        h('span', {}, periodText(p)), p.setBy ? h('span', {class: 'hint'}, ` (set by ${p.setBy.displayName})`) : null, ' ',
        h('button', {type: 'button', class: 'change-away secondary',
          'aria-label': `Change ${p.practitioner.displayName}'s period ${periodText(p)}`, onclick: () => this.edit(p)}, 'Change'), ' ',
        h('button', {type: 'button', class: 'remove-away secondary',
          'aria-label': `Remove ${p.practitioner.displayName}'s period ${periodText(p)}`, onclick: async () => {
            await this.api.delete(`admin/out-of-office/${p.id}`);
            announce('Out-of-office period removed');
            await this.refresh();
          }}, 'Remove'))) : [h('li', {class: 'empty'}, 'Nobody is away or planned to be.')]);
      const legend = this.people.querySelector('legend');
      replace(this.people, legend, ...members.filter(m => m.role === 'practitioner' && m.enabled).map(m =>
        h('div', {class: 'away-check'}, h('input', {type: 'checkbox', id: `away-member-${m.id}`, value: m.id}),
          h('label', {for: `away-member-${m.id}`}, m.displayName))));
    } catch (e) {
      replace(this.list, h('li', {class: 'error'}, plainProblem(e)));
    }
  }

  /** Fills the form with one period and its practitioner alone, for Save changes. */
  edit(p) {
    this.editing = p.id;
    this.people.querySelectorAll('input[type=checkbox]').forEach(box => {
      box.checked = box.value === p.practitioner.id;
      box.disabled = true;
    });
    this.start.value = localValue(p.startsAt);
    this.end.value = p.endsAt ? localValue(p.endsAt) : '';
    this.reply.setHtml(p.html);
    this.colleagues.checked = p.colleagues;
    this.save.textContent = 'Save changes';
    this.status.textContent = `Changing ${p.practitioner.displayName}'s period.`;
    this.start.focus();
  }

  async configure() {
    const memberIds = [...this.people.querySelectorAll('input:checked')].map(i => i.value);
    const body = {startsAt: this.start.value, endsAt: this.end.value || null, timeZone: this.zone,
      html: this.reply.html(), colleagues: this.colleagues.checked};
    try {
      if (this.editing) {
        await this.api.put(`admin/out-of-office/${this.editing}`, body);
        this.status.textContent = 'Changes saved.';
        this.editing = null;
        this.save.textContent = 'Configure out of office';
      } else {
        const saved = await this.api.post('admin/out-of-office', {memberIds, ...body});
        this.status.textContent = `Saved for ${saved.length === 1 ? 'one practitioner' : `${saved.length} practitioners`}.`;
      }
      this.reply.clear();
      await this.refresh();
    } catch (e) {
      this.status.textContent = `Not saved: ${plainProblem(e)}`;
    }
  }
}
