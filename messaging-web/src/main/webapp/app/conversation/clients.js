import {h, replace} from '../platform/dom.js';
import {asYouType} from '../platform/typing.js';

/**
 * Finds the practice's clients by name as the user types into input (a POST: names never go into a URL)
 * and lists them in results, one item(client) each; a slower earlier answer never overwrites a later one.
 * filter drops clients this use has no place for (already blocked, already chosen). Answers a function
 * that searches at once for what input holds (nothing when it is empty).
 */
export function findClients(api, input, results, item, filter = () => true) {
  return asYouType(input, query => api.post('clients/search', {query, limit: 20}), (answer, query) => {
    if (!query) {
      replace(results);
    } else if (answer instanceof Error) {
      replace(results, h('li', {class: 'empty'}, 'The clients cannot be searched right now.'));
    } else {
      const clients = answer.filter(filter);
      replace(results, clients.length ? clients.map(c => h('li', {}, item(c))) : [h('li', {class: 'empty'}, 'No client found.')]);
    }
  });
}
