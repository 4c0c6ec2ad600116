// Messaging settings: a practitioner's name in messages and block list; an admin's practice switch,
// practitioners' names (one form, one Save) and what the portal tells clients; a client's messaging switch;
// and, in the portal, writing first. Switches are labelled by what they allow, so a label stays true whichever way it is set;
// a block is asked for again before it is done (Cancel is the default).
import {ProblemError} from '../platform/api.js';
import {confirmAction} from '../platform/confirm.js';
import {dialog, problemText} from '../platform/dialog.js';
import {announce, h, replace} from '../platform/dom.js';
import {findClients} from '../conversation/clients.js';
import {lockText} from '../conversation/sending.js';
import {insteadOfWriting} from './contact.js';
import {portalSection} from './portal.js';
import {practitionerNames} from './names.js';
import {outOfOfficeSection} from './out-of-office.js';

/** Asks before blocking: what the client can and cannot do afterwards, and how to undo it. */
function confirmBlock(name) {
  return confirmAction({
    title: `Block ${name}?`,
    text: `${name}, and anyone who writes for them such as a guardian, will no longer be able to send you messages. `
      + 'They can still read your conversation and will still receive your announcements. You can unblock them in Settings.',
    action: `Block ${name}`,
  });
}

export class Settings {
  constructor(api, me, {onChanged}) {
    this.api = api;
    this.me = me;
    this.onChanged = onChanged;
  }

  async open() {
    const sections = [];
    if (this.me.role === 'practitioner') {
      sections.push(this.nameSection(), await outOfOfficeSection(this.api, this.me), await this.blockSection());
    }
    if (this.me.role === 'admin') {
      const state = await this.api.get('admin/practice/messaging');
      sections.push(this.practiceSection(state), practitionerNames(this.api, state.practitioners), portalSection(this.api, state.portal));
    }
    dialog('Settings', ...sections);
  }

  nameSection() {
    const input = h('input', {type: 'text', id: 'messaging-name', maxlength: '100', value: this.me.messagingName || this.me.displayName});
    const status = h('p', {class: 'hint', role: 'status'});
    return h('section', {class: 'setting', 'aria-labelledby': 'name-title'},
      h('h3', {id: 'name-title'}, 'Your name in messages'),
      h('label', {for: 'messaging-name'}, 'Shown to clients on the messages you send from now on'), input,
      h('button', {type: 'button', class: 'save-name', onclick: async () => {
        try {
          await this.api.put('me/messaging-name', {displayName: input.value.trim() || null});
          status.textContent = 'Saved. Messages already sent keep the name they were sent under.';
          this.onChanged();
        } catch (e) {
          status.textContent = problemText(e);
        }
      }}, 'Save name'), status);
  }

  async blockSection() {
    const blocked = h('ul', {class: 'blocked-list', 'aria-label': 'Blocked clients'});
    const results = h('ul', {class: 'client-results', 'aria-label': 'Clients to block'});
    const input = h('input', {type: 'search', id: 'block-search', autocomplete: 'off'});
    const refresh = async () => {
      const list = await this.api.get('me/blocks');
      replace(blocked, list.length ? list.map(b => h('li', {}, h('span', {}, b.displayName), ' ',
        h('button', {type: 'button', class: 'unblock secondary', 'aria-label': `Unblock ${b.displayName}`, onclick: async () => {
          await this.api.delete(`me/blocks/${b.clientId}`);
          announce(`${b.displayName} unblocked`);
          await refresh();
          this.onChanged();
        }}, 'Unblock'))) : [h('li', {class: 'empty'}, 'You have not blocked anyone.')]);
    };
    findClients(this.api, input, results, c => [h('span', {}, c.displayName), ' ',
      h('button', {type: 'button', class: 'block', 'aria-label': `Block ${c.displayName}`, onclick: async () => {
        if (!await confirmBlock(c.displayName)) {
          return;
        }
        await this.api.put(`me/blocks/${c.id}`, {});
        announce(`${c.displayName} blocked`);
        input.value = '';
        replace(results);
        await refresh();
        this.onChanged();
      }}, 'Block')], c => !c.blocked);
    await refresh();
    return h('section', {class: 'setting', 'aria-labelledby': 'blocks-title'},
      h('h3', {id: 'blocks-title'}, 'Blocked clients'),
      h('p', {class: 'hint'}, 'A blocked client cannot write to you, but can still read your conversation and receives announcements.'),
      blocked, h('label', {for: 'block-search'}, 'Find a client to block'), input, results);
  }

  practiceSection(state) {
    const toggle = h('input', {type: 'checkbox', id: 'practice-messaging', checked: state.enabled});
    const status = h('p', {class: 'hint', role: 'status'});
    toggle.addEventListener('change', async () => {
      try {
        await this.api.put('admin/practice/messaging', {enabled: toggle.checked});
        status.textContent = toggle.checked ? 'Messaging is on for the practice.' : 'Messaging is off: nobody in the practice can send.';
        this.onChanged();
      } catch (e) {
        toggle.checked = !toggle.checked;
        status.textContent = problemText(e);
      }
    });
    return h('section', {class: 'setting', 'aria-labelledby': 'practice-title'},
      h('h3', {id: 'practice-title'}, 'Practice messaging'),
      h('p', {}, toggle, ' ', h('label', {for: 'practice-messaging'}, 'Allow messaging in the practice')),
      h('p', {class: 'hint'}, 'When not allowed, nobody in the practice can send; conversations stay readable.'), status);
  }

  /** A client's settings, from their thread (practitioner): messaging on or off, blocked or not. */
  async client(summary) {
    const clientId = summary.counterpart.id;
    const name = summary.counterpart.displayName;
    const status = h('p', {class: 'hint', role: 'status'});
    const content = await clientSwitch(this.api, clientId, name, status, this.onChanged, this.me.role === 'practitioner');
    if (this.me.role === 'practitioner') {
      const blocked = Boolean(summary.sending?.clientBlocked);
      content.push(h('p', {}, h('button', {type: 'button', class: blocked ? 'unblock secondary' : 'block secondary',
        onclick: async event => {
          const button = event.target;
          try {
            if (blocked) {
              await this.api.delete(`me/blocks/${clientId}`);
            } else if (await confirmBlock(name)) {
              await this.api.put(`me/blocks/${clientId}`, {});
            } else {
              return;
            }
            button.closest('dialog').close();
            this.onChanged();
          } catch (e) {
            status.textContent = problemText(e);
          }
        }}, blocked ? `Unblock ${name}` : `Block ${name}`)));
    }
    dialog(`Client settings — ${name}`, ...content, status);
  }

  /** Portal: a client or guardian starts a conversation with a practitioner of the practice. */
  async writeFirst(onStarted) {
    const practitioners = await this.api.get('practitioners');
    const actsFor = this.me.actsFor || [];
    const choose = actsFor.length > 1
      ? h('select', {id: 'acts-for'}, actsFor.map(a => h('option', {value: a.clientId}, a.displayName)))
      : null;
    const status = h('p', {class: 'hint', role: 'status'});
    const element = dialog('New message',
      choose ? h('p', {}, h('label', {for: 'acts-for'}, 'About'), ' ', choose) : null,
      h('p', {}, 'Write to:'),
      h('ul', {class: 'client-results', 'aria-label': 'Practitioners'}, practitioners.map(p => h('li', {},
        h('button', {type: 'button', class: 'client practitioner', onclick: async () => {
          try {
            const body = {practitionerId: p.id};
            if (choose) {
              body.clientId = choose.value;
            }
            const summary = await this.api.post('conversations', body);
            element.close();
            await onStarted(summary);
          } catch (e) {
            // A setting refused it: say so to the reader, and what they can do instead.
            const refused = e instanceof ProblemError && e.status === 409;
            replace(status, ...(refused ? [lockText(e.type, false), ' ', ...insteadOfWriting(this.me.practice)] : [problemText(e)]));
          }
        }}, p.displayName)))), status);
  }
}

/** "Allow messaging with <client>": the client's switch, saved when changed (the client's practitioners and admins). */
export async function clientSwitch(api, clientId, name, status, onChanged = () => {}, practitioner = true) {
  try {
    const preferences = await api.get(`clients/${clientId}/preferences`);
    const toggle = h('input', {type: 'checkbox', id: 'client-messaging', checked: preferences.messagingEnabled});
    toggle.addEventListener('change', async () => {
      try {
        await api.put(`clients/${clientId}/preferences`, {messagingEnabled: toggle.checked});
        status.textContent = toggle.checked ? `Messaging is on for ${name}.` : `Messaging is off for ${name}: neither side can send.`;
        onChanged();
      } catch (e) {
        toggle.checked = !toggle.checked;
        status.textContent = problemText(e);
      }
    });
    return [h('p', {}, toggle, ' ', h('label', {for: 'client-messaging'}, `Allow messaging with ${name}`)),
      h('p', {class: 'hint'}, `When not allowed, neither ${practitioner ? 'you' : 'their practitioners'} nor ${name} can send; the conversation stays readable.`)];
  } catch (e) {
    return [h('p', {class: 'error'}, problemText(e))];
  }
}
