// The ways a file gets into the composer: the paperclip (a hidden file input, several files at once),
// "Take a photo" on a phone (an image input with capture, which opens the camera), files dropped onto the
// thread, and an image pasted into the editor. Every way ends in the tray, which uploads at once.
import {h} from '../platform/dom.js';
import {AttachmentTray} from './tray.js';

export class AttachmentPicker {
  /** limits: {maxBytes, types}; portal: the client's app, whose picker offers only the allowed types. */
  constructor(api, {limits, portal = false, onChange}) {
    this.tray = new AttachmentTray(api, {limits, onChange});
    const accept = portal && limits?.types?.length ? limits.types.join(',') : undefined;
    this.input = this.fileInput({multiple: true, accept, class: 'attachment-input'});
    this.button = h('button', {type: 'button', class: 'attach secondary', 'aria-label': 'Attach a file', title: 'Attach a file',
      onclick: () => this.input.click()}, h('span', {'aria-hidden': 'true'}, '📎'));
    const buttons = [this.input, this.button];
    if (portal) {
      // The phone's camera, straight away: capture="environment" asks for the back camera. app.css shows it on narrow screens.
      this.cameraInput = this.fileInput({accept: 'image/*', capture: 'environment', class: 'camera-input'});
      this.cameraButton = h('button', {type: 'button', class: 'take-photo secondary', onclick: () => this.cameraInput.click()},
        'Take a photo');
      buttons.push(this.cameraInput, this.cameraButton);
    }
    this.element = h('span', {class: 'attach-buttons'}, ...buttons);
    this.tray.onEmpty = () => this.button.focus();
  }

  fileInput(attributes) {
    const input = h('input', {type: 'file', hidden: true, tabindex: '-1', 'aria-hidden': 'true', ...attributes});
    input.addEventListener('change', () => {
      this.tray.add([...input.files]);
      input.value = ''; // the same file may be chosen again after it was removed
    });
    return input;
  }

  /** Files dropped anywhere on this element (the thread) are attached, unless the composer is locked. */
  acceptDrops(target, enabled) {
    const hasFiles = event => [...(event.dataTransfer?.types || [])].includes('Files');
    target.addEventListener('dragover', event => {
      if (hasFiles(event) && enabled()) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        target.classList.add('dropping');
      }
    });
    target.addEventListener('dragleave', event => {
      if (!target.contains(event.relatedTarget)) {
        target.classList.remove('dropping');
      }
    });
    target.addEventListener('drop', event => {
      target.classList.remove('dropping');
      if (hasFiles(event) && enabled()) {
        event.preventDefault();
        this.tray.add([...event.dataTransfer.files]);
      }
    });
  }

  /** An image pasted into the editor is attached (Quill would otherwise drop it); text pastes as before. */
  acceptPastes(editorHost, enabled) {
    // Capture phase: seen before Quill's clipboard module.
    editorHost.addEventListener('paste', event => {
      const files = [...(event.clipboardData?.files || [])].filter(f => f.type.startsWith('image/'));
      if (files.length && enabled()) {
        event.preventDefault();
        event.stopPropagation();
        this.tray.add(files.map((file, i) => file.name && file.name !== 'image.png' ? file
          : new File([file], `Pasted image${files.length > 1 ? ` ${i + 1}` : ''}.${file.type.split('/')[1] || 'png'}`, {type: file.type})));
      }
    }, true);
  }

  disable(disabled) {
    this.button.disabled = disabled;
    if (this.cameraButton) {
      this.cameraButton.disabled = disabled;
    }
  }
}
