// Drafts are kept on the server (encrypted there), never in the browser: saved a second after the
// practitioner stops typing, restored when the conversation opens on any device, and sent with the
// clientMessageId they were saved with, so a save that arrives after the send is ignored by the server.
//
// The list shows the start of each of the user's own drafts ("Draft: …"). The server's list says only
// that there is one (`hasDraft`); the text comes from here: what this device saved, or the draft API,
// which answers only the caller's own draft. Kept in page memory only, like everything else.
import {uuid} from '../platform/api.js';

const DEBOUNCE_MS = 1000;
const PREVIEW_LENGTH = 200;

export class Drafts {
  constructor(api, composer, {onPreview = () => {}} = {}) {
    this.api = api;
    this.composer = composer;
    this.onPreview = onPreview;
    this.conversationId = null;
    this.clientMessageId = uuid();
    this.saved = false;
    this.dirty = false;
    this.previews = new Map();
    this.fetching = new Set();
  }

  /** The start of the user's draft of a listed conversation: {text, unavailable}, or null while not known. */
  previewOf(summary) {
    return summary.hasDraft ? this.previews.get(summary.id) || null : null;
  }

  /** The list is about to show these: fetch the text of every draft it marks that is not known yet. */
  learn(summaries) {
    for (const summary of summaries) {
      if (!summary.hasDraft) {
        this.previews.delete(summary.id);
      } else if (!this.previews.has(summary.id)) {
        this.fetchPreview(summary.id);
      }
    }
  }

  /** A draft.changed event (a save or clear on any of the user's devices, this one included). */
  changedOn(event) {
    const known = this.previews.get(event.conversationId);
    if (!event.facts?.hasDraft) {
      this.remember(event.conversationId, null);
    } else if (!known || Date.parse(known.updatedAt) !== Date.parse(event.facts.updatedAt)) {
      this.fetchPreview(event.conversationId);
    }
  }

  async fetchPreview(id) {
    if (this.fetching.has(id)) {
      return;
    }
    this.fetching.add(id);
    try {
      this.remember(id, await this.api.get(`conversations/${id}/draft`));
    } catch {
      // gone, or offline: the list shows the draft's tag without its text until the next change
    } finally {
      this.fetching.delete(id);
    }
  }

  remember(id, draft) {
    if (draft && (draft.html || draft.unavailable)) {
      this.previews.set(id, {text: textOf(draft.html), unavailable: Boolean(draft.unavailable), updatedAt: draft.updatedAt});
    } else {
      this.previews.delete(id);
    }
    this.onPreview();
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
      this.remember(id, draft);
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
          this.remember(id, null);
        }
      } else {
        this.remember(id, await this.api.put(`conversations/${id}/draft`, {html: this.composer.html(), clientMessageId: this.clientMessageId}));
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
    if (this.conversationId) {
      this.remember(this.conversationId, null);
    }
    return id;
  }

  /** Signing out: nothing is kept, nothing more is sent. */
  stop() {
    clearTimeout(this.timer);
    this.conversationId = null;
    this.previews.clear();
  }
}

/** The draft's words on one line: the sanitized HTML parsed into an inert document, never into the page. */
function textOf(html) {
  const doc = new DOMParser().parseFromString(html || '', 'text/html');
  doc.body.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote, br').forEach(e => e.after(' '));
  return doc.body.textContent.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH);
}
