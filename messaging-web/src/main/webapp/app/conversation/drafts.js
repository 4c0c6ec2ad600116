// Drafts are kept on the server (encrypted there), never in the browser: saved a second after the
// practitioner stops typing, restored when the conversation opens on any device, and sent with the
// clientMessageId they were saved with, so a save that arrives after the send is ignored by the server.
import {uuid} from '../platform/api.js';

const DEBOUNCE_MS = 1000;

export class Drafts {
  constructor(api, composer) {
    this.api = api;
    this.composer = composer;
    this.conversationId = null;
    this.clientMessageId = uuid();
    this.saved = false;
    this.dirty = false;
  }

  /** Opens a conversation's draft into the composer (after saving what was being written elsewhere). */
  async open(summary) {
    await this.flush();
    this.conversationId = summary.id;
    this.clientMessageId = uuid();
    this.saved = false;
    this.dirty = false;
    this.composer.setHtml('');
    if (summary.hasDraft) {
      await this.load();
    }
  }

  async load() {
    const id = this.conversationId;
    try {
      const draft = await this.api.get(`conversations/${id}/draft`);
      if (id !== this.conversationId || this.dirty) {
        return;
      }
      if (draft.html) {
        this.composer.setHtml(draft.html);
        this.clientMessageId = draft.clientMessageId || this.clientMessageId;
        this.saved = true;
      } else {
        this.composer.setHtml('');
        this.saved = false;
      }
    } catch {
      // the conversation may be gone; nothing to restore
    }
  }

  /** Another device saved or cleared this draft: take it, unless this one is being written in. */
  changedElsewhere() {
    if (!this.dirty && !this.composer.hasFocus()) {
      this.load();
    }
  }

  typed() {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  async flush() {
    clearTimeout(this.timer);
    if (!this.dirty || !this.conversationId) {
      return;
    }
    this.dirty = false;
    const id = this.conversationId;
    try {
      if (this.composer.isEmpty()) {
        if (this.saved) {
          await this.api.delete(`conversations/${id}/draft`);
          this.saved = false;
        }
      } else {
        await this.api.put(`conversations/${id}/draft`, {html: this.composer.html(), clientMessageId: this.clientMessageId});
        this.saved = true;
      }
    } catch {
      this.dirty = true; // try again with the next keystroke or switch
    }
  }

  /** The message is being sent: it takes the draft's clientMessageId; the send clears the draft on the server. */
  sending() {
    clearTimeout(this.timer);
    const id = this.clientMessageId;
    this.clientMessageId = uuid();
    this.dirty = false;
    this.saved = false;
    return id;
  }

  /** Signing out: nothing is kept, nothing more is sent. */
  stop() {
    clearTimeout(this.timer);
    this.conversationId = null;
  }
}
