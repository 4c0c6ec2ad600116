import {h, replace} from '../platform/dom.js';
import {awayMark} from './away.js';
import {findClients} from './clients.js';

/**
 * New conversation: find a client by name (a POST: names never go into a URL) or pick a colleague; the
 * conversation is started (or the existing one found) and handed to onStarted.
 */
export function newConversation(api, me, onStarted) {
  const search = h('input', {type: 'search', id: 'client-search', autocomplete: 'off', 'aria-describedby': 'client-search-hint'});
  const results = h('ul', {class: 'client-results', 'aria-label': 'Clients', 'aria-live': 'polite'});
  const dialog = h('dialog', {class: 'picker', 'aria-labelledby': 'picker-title', onclose: () => dialog.remove()},
    h('h2', {id: 'picker-title'}, 'New conversation'),
    h('label', {for: 'client-search'}, 'Find a client'), search,
    h('p', {class: 'hint', id: 'client-search-hint'}, 'Type part of the client\'s or a guardian\'s name.'), results,
    h('div', {class: 'dialog-actions'}, h('button', {type: 'button', class: 'secondary', onclick: () => dialog.close()}, 'Cancel')));
  // Colleagues: the practice's other practitioners, for a conversation between two practitioners.
  const colleagueList = h('ul', {class: 'client-results', 'aria-label': 'Colleagues'});
  dialog.insertBefore(h('section', {class: 'colleagues'}, h('h3', {}, 'Or write to a colleague'), colleagueList),
    dialog.querySelector('.dialog-actions'));
  document.body.append(dialog);
  dialog.showModal();
  api.get('practitioners').then(practitioners => {
    const others = practitioners.filter(p => p.id !== me.id);
    replace(colleagueList, others.length ? others.map(p => h('li', {}, h('button', {type: 'button', class: 'client colleague',
      onclick: async () => {
        const summary = await api.post('conversations', {practitionerId: p.id});
        dialog.close();
        await onStarted(summary);
      }}, p.displayName, ' ', awayMark(api, p.id)))) : [h('li', {class: 'empty'}, 'No colleagues in this practice.')]);
  }).catch(() => replace(colleagueList, h('li', {class: 'empty'}, 'Colleagues cannot be listed right now.')));
  findClients(api, search, results, c => h('button', {type: 'button', class: 'client', onclick: async () => {
    const summary = await api.post('conversations', {clientId: c.id});
    dialog.close();
    await onStarted(summary);
  }}, c.displayName, c.note ? ` — ${c.note}` : ''));
  search.focus();
}
