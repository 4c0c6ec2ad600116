// A practitioner's out-of-office in Settings: the periods not over yet (who set each, removable) and a form for a
// new one. Times are entered and shown on this device's clock and zone, which is sent with them; the server keeps
// the instants and the zone. The reply is rich text in the composer's editor (the server sanitizes it as a message).
import {problemText} from '../platform/dialog.js';
import {announce, h, replace} from '../platform/dom.js';
import {ReplyEditor} from './reply-editor.js';

const SHOWN = {weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit'};

/** The period's times as the reader's clock shows them. */
export function periodText(p) {
  const format = t => new Date(t).toLocaleString(undefined, SHOWN);
  return p.endsAt ? `${format(p.startsAt)} until ${format(p.endsAt)}` : `From ${format(p.startsAt)}, no end set`;
}

/** An instant as a datetime-local field's value on this device's clock. */
export function localValue(instant) {
  const d = new Date(instant);
  const two = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

export async function outOfOfficeSection(api, me) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const list = h('ul', {class: 'away-list', 'aria-label': 'Your out-of-office periods'});
  const start = h('input', {type: 'datetime-local', id: 'away-start', required: true});
  const end = h('input', {type: 'datetime-local', id: 'away-end'});
  const reply = new ReplyEditor({id: 'away-reply'});
  const colleagues = h('input', {type: 'checkbox', id: 'away-colleagues'});
  const status = h('p', {class: 'hint', role: 'status'});
  const save = h('button', {type: 'button', class: 'save-away'}, 'Plan out of office');
  let editing = null;
  const edit = p => {
    editing = p.id;
    start.value = localValue(p.startsAt);
    end.value = p.endsAt ? localValue(p.endsAt) : '';
    reply.setHtml(p.html);
    colleagues.checked = p.colleagues;
    save.textContent = 'Save changes';
    start.focus();
  };
  const refresh = async () => {
    const periods = await api.get('me/out-of-office');
    replace(list, periods.length ? periods.map(p => h('li', {class: `away-period${p.active ? ' active' : ''}`},
      h('span', {}, `${p.active ? 'Now: ' : ''}${periodText(p)}`),
      p.setBy && p.setBy.id !== me.id ? h('span', {class: 'hint'}, ` (set by ${p.setBy.displayName})`) : null, ' ',
      h('button', {type: 'button', class: 'change-away secondary', 'aria-label': `Change the period ${periodText(p)}`,
        onclick: () => edit(p)}, 'Change'), ' ',
      h('button', {type: 'button', class: 'remove-away secondary', 'aria-label': `Remove the period ${periodText(p)}`, onclick: async () => {
        await api.delete(`me/out-of-office/${p.id}`);
        announce('Out-of-office period removed');
        await refresh();
      }}, 'Remove'))) : [h('li', {class: 'empty'}, 'You have no out-of-office period planned.')]);
  };
  await refresh();
  const section = h('section', {class: 'setting', 'aria-labelledby': 'away-title'},
    h('h3', {id: 'away-title'}, 'Out of office'),
    h('p', {class: 'hint'}, 'While you are away, a client who writes gets your reply once in each conversation.'),
    list,
    h('div', {class: 'away-times'},
      h('div', {}, h('label', {for: 'away-start'}, 'Away from'), start),
      h('div', {}, h('label', {for: 'away-end'}, 'Back at (leave empty if you do not know yet)'), end)),
    h('p', {class: 'hint'}, `Times on this device's clock (${zone}).`),
    h('p', {class: 'field-label'}, 'Automatic reply'), reply.element,
    h('div', {class: 'away-check'}, colleagues, h('label', {for: 'away-colleagues'}, 'Colleagues get the reply too')),
    save, status);
  save.onclick = async () => {
    try {
      const body = {startsAt: start.value, endsAt: end.value || null, timeZone: zone,
        html: reply.html(), colleagues: colleagues.checked};
      await (editing ? api.put(`me/out-of-office/${editing}`, body) : api.post('me/out-of-office', body));
      status.textContent = 'Saved. Clients who write while you are away get your reply.';
      editing = null;
      save.textContent = 'Plan out of office';
      start.value = '';
      end.value = '';
      reply.clear();
      await refresh();
    } catch (e) {
      status.textContent = `Not saved: ${problemText(e)}`;
    }
  };
  return section;
}
