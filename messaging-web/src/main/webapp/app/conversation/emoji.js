// The emoji picker: a search field, categories as tabs, and a grid of buttons (arrow keys move, Enter
// picks, a letter typed in the grid goes to the search, Escape closes). "Suggested" is built in, so the
// picker opens at once; the other categories and the search come from the vendored Emojibase data
// (vendor/emoji-picker-element-data-1.8.0), fetched from this server the first time the picker opens and
// kept in memory only: nothing from a CDN, nothing in the browser's storage.
import {h, replace} from '../platform/dom.js';

const SUGGESTED = [
  ['🙂', 'slightly smiling face'], ['😊', 'smiling face with smiling eyes'], ['😀', 'grinning face'],
  ['😂', 'face with tears of joy'], ['😉', 'winking face'], ['😍', 'smiling face with heart-eyes'],
  ['🤗', 'hugging face'], ['🤔', 'thinking face'], ['😌', 'relieved face'], ['😔', 'pensive face'],
  ['😢', 'crying face'], ['😟', 'worried face'], ['😮', 'face with open mouth'], ['😴', 'sleeping face'],
  ['🥳', 'partying face'], ['😅', 'grinning face with sweat'], ['👍', 'thumbs up'], ['👎', 'thumbs down'],
  ['👏', 'clapping hands'], ['🙏', 'folded hands'], ['👋', 'waving hand'], ['💪', 'flexed biceps'],
  ['🤝', 'handshake'], ['✌️', 'victory hand'], ['❤️', 'red heart'], ['💙', 'blue heart'],
  ['💚', 'green heart'], ['✨', 'sparkles'], ['🌟', 'glowing star'], ['🌈', 'rainbow'],
  ['☀️', 'sun'], ['🌱', 'seedling'], ['🌸', 'cherry blossom'], ['☕', 'hot beverage'],
  ['📅', 'calendar'], ['⏰', 'alarm clock'], ['📝', 'memo'], ['📞', 'telephone receiver'],
  ['✅', 'check mark button'], ['❗', 'exclamation mark'], ['❓', 'question mark'], ['🎉', 'party popper'],
].map(([emoji, name]) => ({emoji, name, words: name.split(' ')}));

// Emojibase's groups, without "components" (skin tones and hair styles on their own).
const CATEGORIES = [
  {id: 'suggested', name: 'Suggested', icon: '🙂'},
  {id: 0, name: 'Smileys and emotion', icon: '😀'}, {id: 1, name: 'People and body', icon: '👋'},
  {id: 3, name: 'Animals and nature', icon: '🌱'}, {id: 4, name: 'Food and drink', icon: '🍎'},
  {id: 5, name: 'Travel and places', icon: '🚲'}, {id: 6, name: 'Activities', icon: '⚽'},
  {id: 7, name: 'Objects', icon: '💡'}, {id: 8, name: 'Symbols', icon: '❤️'}, {id: 9, name: 'Flags', icon: '🏁'},
];
const DATA = new URL('../../vendor/emoji-picker-element-data-1.8.0/en/emojibase/data.json', import.meta.url);
// Emoji newer than this are left out: phones and fonts a few years old show them as empty boxes.
const NEWEST_VERSION = 15;
const COLUMNS = 8;
const MOST_RESULTS = 80;

const BUILT_IN = new Map([['suggested', SUGGESTED]]);
let loaded = null;
let loading = null;

/** Every emoji by category id, in Unicode's order; loaded once per page, into memory. */
function loadEmoji() {
  loading ??= fetch(DATA).then(r => (r.ok ? r.json() : Promise.reject(new Error(String(r.status))))).then(list => {
    const byGroup = new Map(CATEGORIES.map(c => [c.id, c.id === 'suggested' ? SUGGESTED : []]));
    for (const e of list.filter(e => e.version <= NEWEST_VERSION).sort((a, b) => a.order - b.order)) {
      byGroup.get(e.group)?.push({emoji: e.emoji, name: e.annotation,
        words: [...e.annotation.split(' '), ...(e.tags || []), ...(e.shortcodes || []).flatMap(s => s.split('_'))]});
    }
    loaded = byGroup;
  }).catch(error => {
    loading = null; // the next opening tries again
    throw error;
  });
  return loading;
}

let pickers = 0;

export class EmojiPicker {
  /** onPick(emoji) inserts it; focus goes back to the toggle when the picker is closed with Escape. */
  constructor({onPick}) {
    const id = `emoji-${++pickers}`;
    this.onPick = onPick;
    this.category = CATEGORIES[0];
    this.button = h('button', {
      type: 'button', class: 'emoji-toggle', 'aria-label': 'Insert emoji', 'aria-haspopup': 'dialog',
      'aria-expanded': 'false', onclick: () => (this.panel.hidden ? this.open() : this.close()),
    }, '🙂');
    this.search = h('input', {type: 'search', class: 'emoji-search', id: `${id}-search`, autocomplete: 'off',
      placeholder: 'Search emoji', 'aria-label': 'Search emoji', oninput: () => this.show(),
      onkeydown: event => this.searchKey(event)});
    this.tabs = h('div', {class: 'emoji-tabs', role: 'tablist', 'aria-label': 'Emoji categories'},
      CATEGORIES.map((c, index) => h('button', {type: 'button', role: 'tab', class: 'emoji-tab', id: `${id}-tab-${index}`,
        'aria-controls': `${id}-grid`, 'aria-label': c.name, title: c.name, 'data-category': String(c.id),
        onclick: () => this.choose(c), onkeydown: event => this.tabKey(event, index)}, c.icon)));
    this.grid = h('div', {class: 'emoji-grid', id: `${id}-grid`, role: 'tabpanel'});
    this.status = h('p', {class: 'emoji-status', role: 'status'});
    this.panel = h('div', {class: 'emoji-panel', role: 'dialog', 'aria-label': 'Choose an emoji', hidden: true,
      onkeydown: event => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          this.close(true);
        }
      }}, this.search, this.tabs, this.grid, this.status);
    this.element = h('div', {class: 'emoji-picker'}, this.button, this.panel);
    this.outside = event => {
      if (!this.element.contains(event.target)) {
        this.close();
      }
    };
  }

  open() {
    this.panel.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', this.outside, true);
    this.show();
    this.grid.querySelector('[tabindex="0"]')?.focus();
    this.load();
  }

  /** Loads the full set if it is not there yet, and shows it where the picker needs more than the suggested. */
  load() {
    if (loaded) {
      return;
    }
    loadEmoji().then(() => {
      if (!this.panel.hidden && (this.search.value.trim() || this.category.id !== 'suggested')) {
        this.show();
      }
    }, () => {
      this.status.textContent = 'Only the suggested emoji can be shown right now.';
    });
  }

  close(refocus = false) {
    this.panel.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', this.outside, true);
    if (refocus) {
      this.button.focus();
    }
  }

  choose(category) {
    this.category = category;
    this.search.value = '';
    this.show();
  }

  /** Shows the search's results, or the chosen category; keeps focus in the grid if it was there. */
  show() {
    const inGrid = this.grid.contains(document.activeElement);
    const query = this.search.value.trim().toLowerCase();
    const data = loaded || BUILT_IN;
    let shown;
    if (query) {
      const words = query.split(/\s+/);
      const seen = new Set();
      shown = [...data.values()].flat().filter(e => !seen.has(e.emoji) && seen.add(e.emoji)
        && words.every(w => e.words.some(x => x.toLowerCase().startsWith(w)))).slice(0, MOST_RESULTS);
      this.grid.setAttribute('aria-label', 'Emoji found');
      this.grid.removeAttribute('aria-labelledby');
    } else {
      shown = data.get(this.category.id) || [];
      this.grid.removeAttribute('aria-label');
      this.grid.setAttribute('aria-labelledby', this.tabFor(this.category).id);
    }
    for (const tab of this.tabs.children) {
      const selected = !query && tab === this.tabFor(this.category);
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected || (query && tab === this.tabs.firstChild) ? 0 : -1;
    }
    replace(this.grid, shown.map((e, index) => h('button', {
      type: 'button', class: 'emoji', 'aria-label': e.name, title: e.name, tabindex: index === 0 ? '0' : '-1',
      onclick: () => this.pick(e.emoji), onkeydown: event => this.move(event, index),
    }, e.emoji)));
    this.status.textContent = !loaded && (query || !shown.length) ? 'Loading…' : query && !shown.length ? 'No emoji found.' : '';
    if (!loaded && (query || !shown.length)) {
      this.load();
    }
    if (inGrid) {
      this.grid.querySelector('[tabindex="0"]')?.focus();
    }
  }

  tabFor(category) {
    return this.tabs.children[CATEGORIES.indexOf(category)];
  }

  pick(emoji) {
    this.close();
    this.onPick(emoji);
  }

  searchKey(event) {
    const first = this.grid.querySelector('.emoji');
    if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      first.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      first?.click();
    }
  }

  /** The tabs: arrows, Home and End move and show (automatic activation), focus stays on the tabs. */
  tabKey(event, index) {
    const steps = {ArrowRight: 1, ArrowLeft: -1, Home: -index, End: CATEGORIES.length - 1 - index};
    if (event.key in steps) {
      event.preventDefault();
      const next = (index + steps[event.key] + CATEGORIES.length) % CATEGORIES.length;
      this.choose(CATEGORIES[next]);
      this.tabs.children[next].focus();
    }
  }

  move(event, index) {
    const buttons = this.grid.children;
    if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      this.search.focus(); // the key goes on into the search field
      return;
    }
    const steps = {ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS, Home: -index, End: buttons.length - 1 - index};
    if (!(event.key in steps)) {
      return;
    }
    event.preventDefault();
    const next = Math.max(0, Math.min(buttons.length - 1, index + steps[event.key]));
    buttons[index].tabIndex = -1;
    buttons[next].tabIndex = 0;
    buttons[next].focus();
  }
}
