// A modal dialog with a title, its content and a Close button; removed from the page when it closes.
// showModal puts it in the top layer, so no container (a thread's layout containment) clips it.
import {ProblemError} from './api.js';
import {h} from './dom.js';

export function dialog(title, ...content) {
  const id = `dialog-${Math.random().toString(36).slice(2)}`;
  const element = h('dialog', {class: 'settings', 'aria-labelledby': id, onclose: () => element.remove()},
    h('h2', {id}, title), ...content,
    h('div', {class: 'dialog-actions'}, h('button', {type: 'button', class: 'secondary close', onclick: () => element.close()}, 'Close')));
  document.body.append(element);
  element.showModal();
  return element;
}

/** What to tell the reader of a failed call: the server's problem title, or that it cannot be reached. */
export function problemText(error) {
  return error instanceof ProblemError ? error.message : 'The server cannot be reached.';
}
