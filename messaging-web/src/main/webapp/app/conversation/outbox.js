// Sends, in order, and never twice: each message gets its clientMessageId when it is written, and keeps
// it through every retry, so a retry after a lost answer finds the original instead of adding a copy.
// The outbox lives in memory only (it holds message text): signing out or closing the tab drops it.
// A message's files were uploaded before it was queued: it keeps their ids, so a retry sends the same ones
// (nothing is uploaded again).
import {OfflineError, ProblemError, uuid} from '../platform/api.js';

export class Outbox {
  constructor(api, {onChange, onSent}) {
    this.api = api;
    this.onChange = onChange;
    this.onSent = onSent;
    this.items = [];
    this.pumping = false;
    this.backoff = 1000;
    window.addEventListener('online', () => {
      this.backoff = 1000;
      this.resume();
    });
  }

  /** Queues a new message; it goes out as soon as everything queued before it has. */
  send(conversationId, html, clientMessageId = uuid(), attachments = []) {
    const item = {clientMessageId, conversationId, html, attachments, state: 'queued', queuedAt: new Date().toISOString()};
    this.items.push(item);
    this.onChange(item);
    this.pump();
    return item;
  }

  pending(conversationId) {
    return this.items.filter(item => item.conversationId === conversationId);
  }

  retry(clientMessageId) {
    const item = this.items.find(i => i.clientMessageId === clientMessageId);
    if (item && item.state === 'failed') {
      item.state = 'queued';
      item.error = null;
      this.onChange(item);
      this.pump();
    }
  }

  discard(clientMessageId) {
    const item = this.items.find(i => i.clientMessageId === clientMessageId);
    if (item && item.state === 'failed') {
      this.items = this.items.filter(i => i !== item);
      this.onChange(item);
    }
  }

  /** The network is back (or the socket reconnected): send what waited. */
  resume() {
    clearTimeout(this.timer);
    for (const item of this.items) {
      if (item.state === 'waiting') {
        item.state = 'queued';
      }
    }
    this.pump();
  }

  clear() {
    clearTimeout(this.timer);
    this.items = [];
  }

  async pump() {
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      let item;
      while ((item = this.items.find(i => i.state === 'queued'))) {
        if (!(await this.deliver(item))) {
          break;
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  /** false: stop for now (offline or rate-limited); everything after it waits too, to keep the order. */
  async deliver(item) {
    item.state = 'sending';
    this.onChange(item);
    try {
      const body = {clientMessageId: item.clientMessageId, html: item.html};
      if (item.attachments.length) {
        body.attachments = item.attachments.map(file => file.id);
      }
      const message = await this.api.post(`conversations/${item.conversationId}/messages`, body);
      this.items = this.items.filter(i => i !== item);
      this.backoff = 1000;
      this.onSent(item, message);
      return true;
    } catch (error) {
      if (error instanceof OfflineError || (error instanceof ProblemError && error.status === 429)) {
        const retryAfter = Number(error.headers?.get?.('Retry-After'));
        const reason = error instanceof OfflineError ? 'offline' : 'rate';
        for (const waiting of this.items) {
          if (waiting.state === 'queued' || waiting === item) {
            waiting.state = 'waiting';
            waiting.reason = reason;
            this.onChange(waiting);
          }
        }
        const delay = retryAfter > 0 ? retryAfter * 1000 : this.backoff;
        this.backoff = Math.min(this.backoff * 2, 30000);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.resume(), delay);
        return false;
      }
      item.state = 'failed';
      item.error = error instanceof ProblemError ? error : null;
      this.onChange(item);
      return true;
    }
  }
}
