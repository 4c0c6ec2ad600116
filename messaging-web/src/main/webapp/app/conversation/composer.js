// The message editor: Quill 2 with bold, italic, headings, lists and links, and an emoji picker. Enter
// starts a new line; Ctrl+Enter (⌘+Enter on a Mac) and Shift+Enter send, so that people used to either
// convention of other messaging tools send the way they know. What it hands on is Quill's semantic HTML
// without the empty lines it ends with; the server sanitizes it to the same allowlist the thread renders.
import {announce, h, replace} from '../platform/dom.js';
import {EmojiPicker} from './emoji.js';
import {linkAll, linkAsTyped} from './links.js';
import {AttachmentPicker} from '../attachment/picker.js';

const MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A toolbar button Quill binds to a format (its class names it). */
export function tool(format, label, value) {
  return h('button', {type: 'button', class: `ql-${format}`, value, 'aria-label': label, title: label});
}

export class Composer {
  /** attachments: {api, limits, portal} gives it a paperclip (onSend then also gets the uploaded files); none, none. */
  constructor({onSend, onInput = () => {}, label = 'Message', hintId = 'send-hint', placeholder = 'Write a message…', attachments}) {
    this.onSend = onSend;
    this.label = label;
    this.hintId = hintId;
    this.placeholder = placeholder;
    this.onInput = onInput;
    const shortcut = `${MAC ? '⌘+Enter' : 'Ctrl+Enter'} or Shift+Enter`;
    this.toolbar = h('div', {class: 'composer-toolbar', role: 'toolbar', 'aria-label': 'Formatting'},
      h('span', {class: 'ql-formats'}, tool('bold', 'Bold'), tool('italic', 'Italic')),
      h('span', {class: 'ql-formats'}, tool('header', 'Heading', '1'), tool('header', 'Subheading', '2')),
      h('span', {class: 'ql-formats'}, tool('list', 'Numbered list', 'ordered'), tool('list', 'Bulleted list', 'bullet')),
      h('span', {class: 'ql-formats'}, tool('link', 'Link')));
    this.editorHost = h('div', {class: 'composer-editor'});
    this.emoji = new EmojiPicker({onPick: emoji => this.insert(emoji)});
    this.sendButton = h('button', {type: 'button', class: 'send', onclick: () => this.submit(),
      'aria-keyshortcuts': `${MAC ? 'Meta+Enter' : 'Control+Enter'} Shift+Enter`}, 'Send');
    this.lockNotice = h('div', {class: 'composer-locked', role: 'status', hidden: true});
    this.picker = attachments ? new AttachmentPicker(attachments.api,
      {limits: attachments.limits, portal: attachments.portal, onChange: () => this.filesChanged()}) : null;
    this.element = h('section', {class: 'composer', 'aria-label': 'Write a message'},
      this.lockNotice, this.toolbar, this.editorHost, this.picker?.tray.element,
      h('div', {class: 'composer-actions'}, this.picker?.element, this.emoji.element,
        h('span', {class: 'hint', id: hintId}, `${shortcut} to send`), this.sendButton));
    // Capture phase: seen before Quill's own key handling.
    this.editorHost.addEventListener('keydown', event => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || event.shiftKey) && !event.isComposing) {
        event.preventDefault();
        event.stopPropagation();
        this.submit();
      } else if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey) {
        // Tab leaves the editor (keyboard users must be able to), instead of inserting a tab.
        event.stopPropagation();
      }
    }, true);
    this.picker?.acceptPastes(this.editorHost, () => !this.locked);
  }

  /** Files dropped on this element (the thread around the composer) are attached. */
  acceptDrops(element) {
    this.picker?.acceptDrops(element, () => !this.locked);
  }

  /** The files shown are this conversation's (each keeps its own until it is sent or they are removed). */
  showFilesOf(conversationId) {
    this.picker?.tray.switchTo(conversationId);
  }

  /** Signing out: uploads stop, chosen files are forgotten. */
  forgetFiles() {
    this.picker?.tray.forget();
  }

  /** Send waits for the uploads still running; with files ready it needs no text. */
  filesChanged() {
    const uploading = Boolean(this.picker?.tray.uploading());
    this.sendButton.disabled = this.locked || uploading;
    this.sendButton.title = uploading ? 'Wait until the files have uploaded' : '';
  }

  /** Quill needs its host in the document. */
  mount() {
    this.quill = new window.Quill(this.editorHost, {
      theme: 'snow',
      modules: {toolbar: this.toolbar},
      formats: ['bold', 'italic', 'header', 'list', 'link'],
      placeholder: this.placeholder,
    });
    const root = this.quill.root;
    root.setAttribute('aria-label', this.label);
    root.setAttribute('aria-multiline', 'true');
    root.setAttribute('role', 'textbox');
    root.setAttribute('aria-describedby', this.hintId);
    linkAsTyped(this.quill);
    this.quill.on('text-change', (delta, old, source) => {
      if (source === 'user') {
        this.onInput();
      }
    });
  }

  insert(text) {
    const range = this.quill.getSelection(true);
    this.quill.insertText(range.index, text, 'user');
    this.quill.setSelection(range.index + text.length, 0, 'user');
  }

  isEmpty() {
    return this.quill.getText().trim().length === 0;
  }

  html() {
    return this.quill.getSemanticHTML().replaceAll('&nbsp;', ' ');
  }

  setHtml(html) {
    this.quill.setContents(this.quill.clipboard.convert({html: html || ''}), 'silent');
  }

  submit() {
    const files = this.picker?.tray.ready() || [];
    if (!this.locked && this.picker?.tray.uploading()) {
      announce('Wait until the files have uploaded, then send.'); // a keyboard user's Ctrl+Enter gets an answer
      return;
    }
    if (this.locked || (this.isEmpty() && !files.length)) {
      return;
    }
    linkAll(this.quill); // an address typed last, with no space after it
    const html = this.isEmpty() ? '' : withoutTrailingBlankLines(this.html());
    this.quill.setText('', 'silent');
    this.picker?.tray.clear();
    this.onSend(html, files);
    this.quill.focus();
  }

  focus() {
    this.quill?.focus();
  }

  hasFocus() {
    return Boolean(this.quill?.hasFocus());
  }

  /** Locks the input (with the reason shown over it, and what to do instead if offered), or unlocks it with null. */
  lock(reason) {
    this.locked = Boolean(reason);
    this.lockNotice.hidden = !reason;
    // One span: the notice is a flex box, and a sentence with a link in it must wrap as one text.
    replace(this.lockNotice, reason ? h('span', {}, reason, ...(this.instead ? [' ', ...this.instead()] : [])) : null);
    this.element.classList.toggle('locked', this.locked);
    this.quill?.enable(!this.locked);
    this.emoji.button.disabled = this.locked;
    this.picker?.disable(this.locked);
    this.filesChanged();
  }

  /** What the reader can do instead of writing, shown after the reason whenever the input is locked: () => content. */
  offerInstead(content) {
    this.instead = content;
  }

  /** A standing line at the foot of the composer area (the portal's notice); null removes it. */
  showNote(text) {
    if (!this.note) {
      this.note = h('p', {class: 'composer-note'});
      this.element.append(this.note);
    }
    this.note.textContent = text || '';
    this.note.hidden = !text;
  }
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE']);

/**
 * The HTML without the empty paragraphs, headings and list items it ends with (Enter pressed before
 * sending, an empty bullet left behind): they are never part of the message. The parsed document is
 * inert (nothing in it runs or loads), and what is left is the editor's own markup.
 */
export function withoutTrailingBlankLines(html) {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const blank = node => node.nodeType === Node.TEXT_NODE
    ? !node.textContent.trim()
    : BLOCKS.has(node.nodeName) && !node.textContent.trim();
  let trimming = true;
  while (trimming && body.lastChild) {
    const last = body.lastChild;
    if (last.nodeName === 'OL' || last.nodeName === 'UL') {
      while (last.lastChild && blank(last.lastChild)) {
        last.lastChild.remove();
      }
      trimming = !last.hasChildNodes();
    } else {
      trimming = blank(last);
    }
    if (trimming) {
      last.remove();
    }
  }
  return body.innerHTML;
}
