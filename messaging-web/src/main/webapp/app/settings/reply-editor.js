// The out-of-office reply's editor: the composer's Quill with its formats (bold, italic, lists, links), so a reply
// is written like a message and sanitized by the server like one. Quill needs its host in the document, so the
// editor mounts itself on the first frame the form is seen, or when its screen shows it (or on the first call that needs it).
import {h} from '../platform/dom.js';
import {linkAll, linkAsTyped} from '../conversation/links.js';
import {tool, withoutTrailingBlankLines} from '../conversation/composer.js';

export class ReplyEditor {
  constructor({id, label = 'Automatic reply'}) {
    this.label = label;
    this.toolbar = h('div', {class: 'composer-toolbar', role: 'toolbar', 'aria-label': 'Reply formatting'},
      h('span', {class: 'ql-formats'}, tool('bold', 'Bold'), tool('italic', 'Italic')),
      h('span', {class: 'ql-formats'}, tool('list', 'Numbered list', 'ordered'), tool('list', 'Bulleted list', 'bullet')),
      h('span', {class: 'ql-formats'}, tool('link', 'Link')));
    this.host = h('div', {class: 'composer-editor'});
    this.element = h('div', {class: 'reply-editor', id}, this.toolbar, this.host);
    // The form may be put into the document a few frames later (it is built before its dialog opens); a form on a
    // hidden screen gets its editor when the screen shows it (mount()), so no editor exists where none is seen.
    let frames = 0;
    const mountWhenShown = () => {
      if (!(this.host.getClientRects().length > 0 && this.mount()) && ++frames < 600) {
        requestAnimationFrame(mountWhenShown);
      }
    };
    requestAnimationFrame(mountWhenShown);
  }

  mount() {
    if (this.quill || !this.host.isConnected) {
      return this.quill;
    }
    this.quill = new window.Quill(this.host, {theme: 'snow', modules: {toolbar: this.toolbar},
      formats: ['bold', 'italic', 'list', 'link'], placeholder: 'I am away until …'});
    const root = this.quill.root;
    root.setAttribute('aria-label', this.label);
    root.setAttribute('aria-multiline', 'true');
    root.setAttribute('role', 'textbox');
    linkAsTyped(this.quill);
    return this.quill;
  }

  /** The reply as the editor's semantic HTML, without trailing empty lines; empty text is ''. */
  html() {
    const quill = this.mount();
    if (!quill || quill.getText().trim().length === 0) {
      return '';
    }
    linkAll(quill);
    return withoutTrailingBlankLines(quill.getSemanticHTML().replaceAll('&nbsp;', ' '));
  }

  setHtml(html) {
    const quill = this.mount();
    quill?.setContents(quill.clipboard.convert({html: html || ''}), 'silent');
  }

  clear() {
    this.mount()?.setText('', 'silent');
  }

  focus() {
    this.mount()?.focus();
  }
}
