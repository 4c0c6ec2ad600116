// A small emoji picker: a grid of buttons, arrow keys move, Enter picks, Escape closes.
import {h} from '../platform/dom.js';

const EMOJI = [
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
];
const COLUMNS = 6;

export class EmojiPicker {
  /** onPick(emoji) inserts it; the picker returns focus to `returnFocus` when it closes. */
  constructor({onPick}) {
    this.onPick = onPick;
    this.button = h('button', {
      type: 'button', class: 'emoji-toggle', 'aria-label': 'Insert emoji', 'aria-haspopup': 'dialog',
      'aria-expanded': 'false', onclick: () => (this.panel.hidden ? this.open() : this.close()),
    }, '🙂');
    this.grid = h('div', {class: 'emoji-grid', role: 'group', 'aria-label': 'Emoji'});
    EMOJI.forEach(([emoji, name], index) => this.grid.append(h('button', {
      type: 'button', class: 'emoji', 'aria-label': name, title: name, tabindex: index === 0 ? '0' : '-1',
      onclick: () => this.pick(emoji), onkeydown: event => this.move(event, index),
    }, emoji)));
    this.panel = h('div', {class: 'emoji-panel', role: 'dialog', 'aria-label': 'Choose an emoji', hidden: true,
      onkeydown: event => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          this.close(true);
        }
      }}, this.grid);
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
    this.grid.querySelector('[tabindex="0"]').focus();
    document.addEventListener('pointerdown', this.outside, true);
  }

  close(refocus = false) {
    this.panel.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', this.outside, true);
    if (refocus) {
      this.button.focus();
    }
  }

  pick(emoji) {
    this.close();
    this.onPick(emoji);
  }

  move(event, index) {
    const steps = {ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS, Home: -index, End: EMOJI.length - 1 - index};
    if (!(event.key in steps)) {
      return;
    }
    event.preventDefault();
    const next = Math.max(0, Math.min(EMOJI.length - 1, index + steps[event.key]));
    const buttons = this.grid.children;
    buttons[index].tabIndex = -1;
    buttons[next].tabIndex = 0;
    buttons[next].focus();
  }
}
