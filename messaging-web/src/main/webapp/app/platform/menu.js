// A menu button as the WAI-ARIA Authoring Practices describe it: a button (aria-haspopup, aria-expanded)
// that opens a list of actions. Click, Enter, Space or ↓ open it on the first item, ↑ on the last; the
// arrows, Home and End move between items; Escape closes it and gives focus back to the button; Tab, a
// choice or a press anywhere else closes it. Where there is no room for a row of buttons, this holds them.
import {h, replace} from './dom.js';

let menus = 0;

export class MenuButton {
  constructor({label, text = '⋯', className = ''}) {
    const id = `menu-${++menus}`;
    this.button = h('button', {type: 'button', class: `menu-button secondary ${className}`.trim(),
      'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': id, 'aria-label': label, title: label,
      onclick: () => (this.isOpen() ? this.close(true) : this.open(0)),
      onkeydown: event => this.buttonKey(event)}, text);
    this.menu = h('ul', {class: 'menu', role: 'menu', id, 'aria-label': label, hidden: true,
      onkeydown: event => this.menuKey(event)});
    this.element = h('div', {class: 'menu-host'}, this.button, this.menu);
    this.outside = event => {
      if (!this.element.contains(event.target)) {
        this.close(false);
      }
    };
  }

  /** items: [{label, className, action}], in the order shown. An open menu stays open, focus where it was. */
  setItems(items) {
    const focused = this.items().indexOf(document.activeElement);
    replace(this.menu, items.map(item => h('li', {role: 'none'},
      h('button', {type: 'button', role: 'menuitem', tabindex: '-1', class: `menu-item ${item.className || ''}`.trim(),
        onclick: () => {
          this.close(true);
          item.action();
        }}, item.label))));
    if (this.isOpen()) {
      this.items().at(Math.min(Math.max(focused, 0), items.length - 1))?.focus();
    }
  }

  items() {
    return [...this.menu.querySelectorAll('[role="menuitem"]')];
  }

  isOpen() {
    return !this.menu.hidden;
  }

  /** Opens on the item at this index (negative: from the end). */
  open(index) {
    const items = this.items();
    if (!items.length) {
      return;
    }
    this.menu.hidden = false;
    this.menu.classList.toggle('up', !roomBelow(this.menu));
    this.button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', this.outside, true);
    items.at(index).focus();
  }

  /** Closes; with refocus the button takes focus back (Escape, a choice), otherwise focus stays where it went. */
  close(refocus) {
    if (!this.isOpen()) {
      return;
    }
    this.menu.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', this.outside, true);
    if (refocus) {
      this.button.focus();
    }
  }

  buttonKey(event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.open(event.key === 'ArrowDown' ? 0 : -1);
    }
  }

  menuKey(event) {
    const items = this.items();
    const at = items.indexOf(document.activeElement);
    const moves = {ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1};
    if (event.key in moves) {
      event.preventDefault();
      items[(moves[event.key] + items.length) % items.length].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    } else if (event.key === 'Tab') {
      // Back on the button first, so that Tab goes on from there and not from an item that disappears.
      this.close(true);
    }
  }
}

/** Whether the open list fits above the bottom of what scrolls it (a message at a thread's end does not). */
function roomBelow(list) {
  let bottom = window.innerHeight;
  for (let e = list.parentElement; e; e = e.parentElement) {
    if (/auto|scroll|hidden/.test(getComputedStyle(e).overflowY)) {
      bottom = Math.min(bottom, e.getBoundingClientRect().bottom);
      break;
    }
  }
  list.classList.remove('up');
  return list.getBoundingClientRect().bottom <= bottom;
}
