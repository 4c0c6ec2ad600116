// The files chosen for the message being written: each uploads as soon as it is chosen and shows as a
// chip (name, size, a progress bar while it uploads, a button that cancels or removes it). A refused file
// stays as a chip that says why, until it is removed; only the uploaded ones go with the message.
import {announce, h, replace} from '../platform/dom.js';
import {INLINE_IMAGES, reasonText, SCANNER_DOWN, sizeText, tooLargeText, tooManyText, upload} from './upload.js';

export class AttachmentTray {
  /** limits: {maxBytes, types} from the app's settings; onChange: the set of files or their states changed. */
  constructor(api, {limits, onChange = () => {}}) {
    this.api = api;
    this.limits = limits || {};
    this.onChange = onChange;
    this.items = [];
    this.held = new Map(); // conversation → its files, while another conversation is open
    this.element = h('ul', {class: 'attachment-tray', 'aria-label': 'Attached files', hidden: true});
  }

  /**
   * Another conversation opens: the files chosen here stay with this one (and go on uploading), and that one's
   * come back. One composer serves every conversation; a file must never go to someone it was not meant for.
   */
  switchTo(key) {
    if (key === this.key) {
      return;
    }
    if (this.key !== undefined && this.items.length) {
      this.held.set(this.key, this.items);
    }
    this.key = key;
    this.items = this.held.get(key) || [];
    this.held.delete(key);
    replace(this.element, this.items.map(item => item.chip.element));
    this.changed();
  }

  /** Starts uploading each file of a FileList or array. */
  add(files) {
    for (const file of files) {
      const item = {file, state: 'uploading', progress: 0};
      item.chip = this.chip(item);
      this.items.push(item);
      this.element.append(item.chip.element);
      if (this.limits.perMessage && this.items.filter(i => i.state !== 'failed').length > this.limits.perMessage) {
        this.failed(item, tooManyText(this.limits)); // counted with itself: it is in the list already
        continue;
      }
      if (this.limits.maxBytes && file.size > this.limits.maxBytes) {
        // Checked here too: the server refuses it as well, but closes the connection on a long body.
        this.failed(item, tooLargeText(this.limits));
        continue;
      }
      const started = upload(this.api, file, progress => this.progressed(item, progress));
      item.abort = started.abort;
      started.done.then(view => this.uploaded(item, view), error => {
        if (error?.name !== 'AbortError') {
          this.failed(item, reasonText(error, this.limits));
        }
      });
    }
    this.changed();
  }

  /** The files that uploaded, as the server described them ({id, name, type, size, state}). */
  ready() {
    return this.items.filter(i => i.state === 'done').map(i => i.view);
  }

  uploading() {
    return this.items.some(i => i.state === 'uploading');
  }

  /** After a send: the files went with the message; the refused ones' reasons are dropped too. */
  clear() {
    for (const item of this.items) {
      item.abort?.();
      item.revoke?.();
    }
    this.items = [];
    replace(this.element);
    this.changed();
  }

  /** Signing out: nothing chosen anywhere goes on. */
  forget() {
    for (const items of this.held.values()) {
      items.forEach(item => {
        item.abort?.();
        item.revoke?.();
      });
    }
    this.held.clear();
    this.clear();
  }

  remove(item) {
    if (item.state === 'uploading') {
      item.abort?.();
    }
    // Focus goes to the next file's button, or the one before, or wherever the composer says (its paperclip).
    const index = this.items.indexOf(item);
    const hadFocus = item.chip.element.contains(document.activeElement);
    item.revoke?.();
    this.items = this.items.filter(i => i !== item);
    item.chip.element.remove();
    if (hadFocus) {
      const next = this.items[Math.min(index, this.items.length - 1)];
      next ? next.chip.button.focus() : this.onEmpty?.();
    }
    announce(`${item.file.name} removed`);
    this.changed();
  }

  chip(item) {
    const name = item.file.name || 'file';
    const bar = h('progress', {max: '100', value: '0', 'aria-label': `Uploading ${name}`});
    const detail = h('span', {class: 'attachment-detail'}, sizeText(item.file.size));
    const reason = h('span', {class: 'attachment-reason', role: 'alert', hidden: true});
    const button = h('button', {type: 'button', class: 'attachment-remove', onclick: () => this.remove(item),
      'aria-label': `Cancel the upload of ${name}`, title: 'Cancel'}, '×');
    // A picture shows itself, from the chosen file (a blob: URL, revoked when the chip goes).
    const picture = INLINE_IMAGES.has(item.file.type) ? URL.createObjectURL(item.file) : null;
    item.revoke = () => picture && URL.revokeObjectURL(picture);
    const element = h('li', {class: 'attachment-chip uploading'},
      picture ? h('img', {class: 'attachment-preview', src: picture, alt: ''})
        : h('span', {class: 'attachment-icon', 'aria-hidden': 'true'}, '📎'),
      h('span', {class: 'attachment-text'}, h('span', {class: 'attachment-name', title: name}, name), detail, reason, bar),
      button);
    return {element, bar, detail, reason, button};
  }

  progressed(item, progress) {
    item.progress = progress;
    item.chip.bar.value = String(Math.round(progress * 100));
  }

  uploaded(item, view) {
    if (view.state !== 'clean') {
      // Held as 'scanning' (the scanner was out of reach): the server refuses to send a file not known clean.
      this.failed(item, SCANNER_DOWN);
      return;
    }
    item.state = 'done';
    item.view = view;
    const {element, bar, detail, button} = item.chip;
    bar.remove();
    element.className = 'attachment-chip done';
    element.dataset.id = view.id;
    detail.textContent = sizeText(view.size);
    button.setAttribute('aria-label', `Remove ${item.file.name}`);
    button.title = 'Remove';
    announce(`${item.file.name} uploaded`);
    this.changed();
  }

  failed(item, text) {
    item.state = 'failed';
    const {element, bar, reason, button} = item.chip;
    bar.remove();
    element.className = 'attachment-chip failed';
    reason.hidden = false;
    reason.textContent = text;
    button.setAttribute('aria-label', `Remove ${item.file.name}`);
    button.title = 'Remove';
    this.changed();
  }

  changed() {
    this.element.hidden = this.items.length === 0;
    this.onChange();
  }
}
