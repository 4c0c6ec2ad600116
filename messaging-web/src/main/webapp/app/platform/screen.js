// A screen in place of another, such as one an admin opens from their home: a back button, a heading that
// takes the focus when it is shown (so a screen reader says where the user is), and its content.
import {h} from './dom.js';

export class Screen {
  constructor({id, title, back, onBack}, ...content) {
    this.title = h('h2', {id: `${id}-title`, tabindex: '-1'}, title);
    this.element = h('section', {class: 'admin-screen', id, 'aria-labelledby': `${id}-title`, hidden: true},
      h('header', {class: 'screen-head'}, h('button', {type: 'button', class: 'back-home', onclick: onBack}, `← ${back}`), this.title),
      ...content);
  }

  show() {
    this.element.hidden = false;
    this.title.focus();
  }

  hide() {
    this.element.hidden = true;
  }
}
