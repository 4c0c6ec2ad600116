// Search: people by name and messages by words (whole words or their first 3+ letters), as the user
// types. The terms go in a POST body, never in a URL. Results replace the list while a search is shown;
// the user's own messages are theirs ("You"), as in the thread.
import {ProblemError} from '../platform/api.js';
import {announce, h, replace, when} from '../platform/dom.js';
import {asYouType} from '../platform/typing.js';

export class Search {
  constructor(api, {onOpen, portal, me}) {
    this.api = api;
    this.onOpen = onOpen;
    this.me = me;
    this.portal = portal;
    const label = portal ? 'Search messages' : 'Search people and messages';
    this.input = h('input', {type: 'search', id: 'search-input', autocomplete: 'off', enterkeyhint: 'search',
      placeholder: label});
    this.clear = h('button', {type: 'button', class: 'search-clear secondary', hidden: true, onclick: () => this.reset()}, 'Clear');
    // As the user types; no Search button, whose room the placeholder needs on a phone (Enter searches at once).
    this.now = asYouType(this.input, q => this.ask(q), (answer, q) => this.show(answer, q));
    this.element = h('form', {class: 'search', role: 'search', onsubmit: event => { event.preventDefault(); this.now(); }},
      h('label', {for: 'search-input', class: 'visually-hidden'}, label), this.input, this.clear);
    this.results = h('div', {class: 'search-results', hidden: true, 'aria-live': 'polite'});
  }

  reset() {
    this.input.value = '';
    this.now();
    this.input.focus();
  }

  /** Both searches of one query; each answers its items or the error it met. */
  ask(q) {
    this.clear.hidden = false;
    if (this.results.hidden) {
      this.results.hidden = false;
      this.results.parentElement?.classList.add('searching');
      replace(this.results, h('p', {class: 'empty'}, 'Searching…'));
    }
    return Promise.all([
      this.portal ? Promise.resolve({items: []}) : this.api.post('search/conversations', {q, limit: 20}).catch(e => e),
      this.api.post('search/messages', {q, limit: 20}).catch(e => e),
    ]);
  }

  show(answer) {
    if (!answer) {
      this.results.hidden = true;
      this.clear.hidden = true;
      replace(this.results);
      this.results.parentElement?.classList.remove('searching');
      return;
    }
    const [people, messages] = answer;
    const sections = [];
    if (!this.portal) {
      sections.push(h('h3', {}, 'People'), people instanceof Error
        ? h('p', {class: 'empty'}, problemText(people))
        : list(people.items.map(c => h('button', {type: 'button', class: 'result person', onclick: () => this.onOpen(c.id)},
          h('span', {class: 'name'}, c.counterpart.displayName),
          c.counterpart.note ? h('span', {class: 'note'}, c.counterpart.note) : null)), 'No one found.'));
    }
    sections.push(h('h3', {}, 'Messages'), messages instanceof Error
      ? h('p', {class: 'empty'}, problemText(messages))
      : list(messages.items.map(m => h('button', {type: 'button', class: 'result message-hit', onclick: () => this.onOpen(m.conversationId)},
        h('span', {class: 'line'}, h('span', {class: 'name'}, m.sender.id === this.me?.id ? 'You' : m.sender.displayName),
          h('time', {class: 'when', datetime: m.sentAt}, when(m.sentAt))),
        h('span', {class: 'snippet'}, highlighted(m.snippet, m.highlights)))), 'No message found.'));
    replace(this.results, sections);
    const count = (people.items?.length || 0) + (messages.items?.length || 0);
    announce(`${count} result${count === 1 ? '' : 's'}`);
  }
}

function list(items, empty) {
  return items.length ? h('ul', {class: 'result-list'}, items.map(item => h('li', {}, item))) : h('p', {class: 'empty'}, empty);
}

function problemText(error) {
  if (error instanceof ProblemError && error.type === 'query-too-short') {
    return 'Type at least 3 letters of a word.';
  }
  return 'Search is not available right now.';
}

/** The snippet as text, with the matched spans in <mark> (text nodes only, never HTML). */
function highlighted(snippet, highlights = []) {
  const parts = [];
  let at = 0;
  for (const span of [...highlights].sort((a, b) => a.start - b.start)) {
    if (span.start < at) {
      continue;
    }
    parts.push(snippet.slice(at, span.start), h('mark', {}, snippet.slice(span.start, span.end)));
    at = span.end;
  }
  parts.push(snippet.slice(at));
  return parts;
}
