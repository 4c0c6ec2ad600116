// Emergency access ("break-glass") for the practice's admin: the practice's conversations (who with whom and
// when, never what was said), and for one of them every access so far and, with a stated reason, an access
// of one's own that opens it read-only for a limited time. The server checks the reason, audits each grant
// and each read, and shows the conversation's practitioner who opened it and why.
import {dialog, problemText} from '../platform/dialog.js';
import {h, replace, time, when} from '../platform/dom.js';
import {Screen} from '../platform/screen.js';

const WHEN = new Intl.DateTimeFormat(undefined, {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'});

/** "Dr. Maria Rivera and Alex Morgan", or two practitioners' names for a colleague conversation. */
export function between(c) {
  return `${c.practitioner.displayName} and ${(c.kind === 'colleague' ? c.colleague : c.client).displayName}`;
}

export class EmergencyAccess extends Screen {
  constructor(api, me, {onBack, onRead}) {
    const filter = h('input', {type: 'search', id: 'emergency-filter', autocomplete: 'off', 'aria-describedby': 'emergency-filter-hint'});
    const list = h('ul', {class: 'practice-conversations', 'aria-label': 'The practice\'s conversations'});
    super({id: 'emergency', title: 'Emergency access', back: 'Administration', onBack},
      h('p', {class: 'hint'}, 'Choose the conversation you need to read. You will be asked why; nothing is opened until you confirm.'),
      h('label', {for: 'emergency-filter'}, 'Show conversations with'), filter,
      h('p', {class: 'hint', id: 'emergency-filter-hint'}, 'Part of a practitioner\'s or a client\'s name.'), list);
    this.api = api;
    this.me = me;
    this.onRead = onRead;
    this.filter = filter;
    this.list = list;
    this.conversations = [];
    filter.addEventListener('input', () => this.render());
  }

  async show() {
    super.show();
    try {
      this.conversations = await this.api.get('admin/conversations');
      this.render();
    } catch (e) {
      replace(this.list, h('li', {class: 'error'}, problemText(e)));
    }
  }

  render() {
    const words = this.filter.value.trim().toLowerCase();
    const shown = this.conversations.filter(c => between(c).toLowerCase().includes(words));
    replace(this.list, shown.length ? shown.map(c => h('li', {}, h('button', {type: 'button', class: 'practice-conversation',
      onclick: () => this.open(c)},
    h('span', {class: 'between'}, between(c)),
    h('span', {class: 'kind'}, c.kind === 'colleague' ? 'Colleagues' : 'Client conversation'),
    h('span', {class: 'when'}, 'Last activity ', when(c.lastActivityAt)))))
      : [h('li', {class: 'empty'}, this.conversations.length ? 'No conversation with that name.' : 'The practice has no conversations yet.')]);
  }

  /** One conversation: its accesses so far, then reading it (an access of mine is open) or asking with a reason. */
  async open(c) {
    const history = h('ul', {class: 'access-history', 'aria-label': 'Emergency accesses so far'});
    const action = h('div', {class: 'access-action'});
    const element = dialog(`Emergency access: ${between(c)}`,
      h('section', {class: 'setting', 'aria-labelledby': 'access-history-title'},
        h('h3', {id: 'access-history-title'}, 'Accesses so far'), history), action);
    let accesses = [];
    try {
      accesses = await this.api.get(`conversations/${c.id}/emergency-access`);
      replace(history, accesses.length ? accesses.map(a => h('li', {},
        h('p', {class: 'access-who'}, h('strong', {}, a.grantedBy.displayName), ` ${WHEN.format(new Date(a.grantedAt))} – ${time(a.expiresAt)}`,
          a.active ? h('span', {class: 'tag waiting'}, 'Open') : null),
        h('p', {class: 'access-reason'}, a.reason)))
        : [h('li', {class: 'empty'}, 'Nobody has opened this conversation with emergency access.')]);
    } catch (e) {
      replace(history, h('li', {class: 'error'}, problemText(e)));
    }
    const mine = accesses.find(a => a.active && a.grantedBy.id === this.me.id);
    const read = grant => {
      element.close();
      this.onRead(c, grant);
    };
    if (mine) {
      replace(action, h('p', {}, `Your emergency access is open until ${time(mine.expiresAt)}.`),
        h('button', {type: 'button', class: 'task-open read-conversation', onclick: () => read(mine)}, 'Read the conversation'));
      return;
    }
    const reason = h('textarea', {id: 'emergency-reason', rows: '3', maxlength: '2000', 'aria-describedby': 'emergency-reason-hint'});
    const status = h('p', {class: 'hint', role: 'status'});
    replace(action, h('form', {class: 'setting grant', onsubmit: async event => {
      event.preventDefault();
      try {
        read(await this.api.post(`conversations/${c.id}/emergency-access`, {reason: reason.value}));
      } catch (e) {
        reason.setAttribute('aria-invalid', 'true');
        status.className = 'error';
        status.textContent = `Not opened: ${problemText(e)}`;
      }
    }},
    h('label', {for: 'emergency-reason'}, 'Why do you need to read this conversation?'), reason,
    h('p', {class: 'hint', id: 'emergency-reason-hint'}, 'At least 10 characters. The reason is stored encrypted, and '
      + 'the conversation\'s practitioner can see it. The access is read-only, ends by itself, and every read is audited.'),
    status, h('button', {type: 'submit', class: 'danger grant-access'}, 'Open with emergency access')));
  }
}
