// Asking before something that is hard to take back: a modal alert dialog that says what will happen,
// with Cancel focused, so Enter, Escape or a stray click on the default never does it.
import {h} from './dom.js';

/** Resolves true only when the user chose the action; Cancel, Escape and closing resolve false. */
export function confirmAction({title, text, action, className = 'danger'}) {
  return new Promise(resolve => {
    const id = `confirm-${Math.random().toString(36).slice(2)}`;
    let chosen = false;
    const cancel = h('button', {type: 'button', class: 'secondary confirm-cancel', autofocus: true,
      onclick: () => dialog.close()}, 'Cancel');
    const dialog = h('dialog', {class: 'confirm', role: 'alertdialog', 'aria-labelledby': `${id}-title`,
      'aria-describedby': `${id}-text`, onclose: () => { dialog.remove(); resolve(chosen); }},
      h('h2', {id: `${id}-title`}, title),
      h('p', {id: `${id}-text`}, text),
      h('div', {class: 'dialog-actions'}, cancel,
        h('button', {type: 'button', class: `${className} confirm-action`, onclick: () => {
          chosen = true;
          dialog.close();
        }}, action)));
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
