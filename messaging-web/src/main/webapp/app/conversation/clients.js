import {h, replace} from '../platform/dom.js';

/**
 * Finds the practice's clients by name as the user types into input (a POST: names never go into a URL)
 * and lists them in results, one item(client) each; a slower earlier answer never overwrites a later one.
 * filter drops clients this use has no place for (already blocked, already chosen).
 */
export function findClients(api, input, results, item, filter = () => true) {
  let asked = 0;
  let timer;
  const show = async () => {
    const query = input.value.trim();
    const mine = ++asked;
    if (!query) {
      replace(results);
      return;
    }
    let clients;
    try {
      clients = (await api.post('clients/search', {query, limit: 20})).filter(filter);
    } catch {
      clients = null;
    }
    if (mine !== asked) {
      return;
    }
    if (!clients) {
      replace(results, h('li', {class: 'empty'}, 'The clients cannot be searched right now.'));
    } else {
      replace(results, clients.length ? clients.map(c => h('li', {}, item(c))) : [h('li', {class: 'empty'}, 'No client found.')]);
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(show, 200);
  });
  return show;
}
