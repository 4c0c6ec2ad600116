// The messages of a thread as a list: day separators, each message with its sender, time, receipt
// and actions, and the outbox's pending ones after them. Rendering is keyed: a node is rebuilt only when
// what it shows changed, and nodes that did not change stay where they are (and keep focus).
import {dayKey, dayLabel, h, time} from '../platform/dom.js';
import {renderMessage} from '../platform/sanitize.js';

export class MessageView {
  constructor(list, {me, outbox, onDelete}) {
    this.list = list;
    this.me = me;
    this.outbox = outbox;
    this.onDelete = onDelete;
    this.nodes = new Map();
  }

  clear() {
    this.nodes.clear();
  }

  /** Messages in seq order, then the pending ones not yet answered by the server, a separator per day. */
  render(messageList, pendingList, locked) {
    const messages = [...messageList].sort((a, b) => a.seq - b.seq);
    const sentIds = new Set(messages.map(m => m.clientMessageId));
    const pending = pendingList.filter(p => !sentIds.has(p.clientMessageId));
    const desired = [];
    let day = null;
    const items = [...messages.map(m => ({at: m.sentAt, message: m})),
      ...pending.map(p => ({at: p.queuedAt, pending: p}))];
    for (const item of items) {
      const k = dayKey(item.at);
      if (k !== day) {
        day = k;
        desired.push(this.node(`day-${k}`, dayLabel(item.at), () =>
          h('li', {class: 'day-separator'}, h('span', {}, dayLabel(item.at)))));
      }
      desired.push(item.message ? this.messageNode(item.message, locked) : this.pendingNode(item.pending));
    }
    let cursor = this.list.firstChild;
    for (const node of desired) {
      if (node === cursor) {
        cursor = cursor.nextSibling;
        continue;
      }
      this.list.insertBefore(node, cursor);
    }
    while (cursor) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  }

  /** A cached node, rebuilt only when its signature changed. */
  node(key, signature, build) {
    const cached = this.nodes.get(key);
    if (cached && cached.signature === signature) {
      return cached.node;
    }
    const node = build();
    this.nodes.set(key, {signature, node});
    return node;
  }

  messageNode(m, locked) {
    const mine = m.sender.id === this.me.id;
    const status = mine ? (m.readAt ? `Read ${time(m.readAt)}` : 'Sent') : '';
    return this.node(m.id, `${m.seq}|${status}|${m.unavailable}|${m.deleted}|${m.html?.length}|${locked}`, () => {
      const body = h('div', {class: 'body'});
      if (m.deleted) {
        body.append(h('p', {class: 'deleted'}, 'Message deleted'));
      } else if (m.unavailable) {
        body.append(h('p', {class: 'unavailable'}, 'This message cannot be shown.'));
      } else {
        body.append(renderMessage(m.html));
      }
      return h('li', {class: `message ${mine ? 'mine' : 'theirs'}`, 'data-id': m.id, 'data-seq': m.seq},
        h('div', {class: 'meta'},
          h('span', {class: 'sender'}, mine ? 'You' : m.sender.displayName),
          m.announcement ? h('span', {class: 'announcement-label'}, 'Announcement') : null,
          h('time', {datetime: m.sentAt}, time(m.sentAt))),
        body,
        mine ? h('div', {class: 'message-foot'},
          m.deleted ? null : h('button', {type: 'button', class: 'delete-message', 'aria-label': `Delete your message sent ${time(m.sentAt)}`,
            onclick: () => this.onDelete(m)}, 'Delete'),
          h('p', {class: `status${m.readAt ? ' read' : ''}`}, status)) : null);
    });
  }

  pendingNode(p) {
    const labels = {queued: 'Sending…', sending: 'Sending…', waiting: 'Waiting for the connection…', failed: 'Not sent'};
    const label = p.state === 'waiting' && p.reason === 'rate' ? 'Sending shortly…' : labels[p.state];
    return this.node(`pending-${p.clientMessageId}`, `${p.state}|${p.reason}|${p.error?.type}`, () => {
      const status = h('p', {class: `status ${p.state}`, role: p.state === 'failed' ? 'alert' : undefined},
        label, p.state === 'failed' && p.error ? `: ${p.error.message}` : '');
      if (p.state === 'failed') {
        status.append(' ',
          h('button', {type: 'button', class: 'retry', onclick: () => this.outbox.retry(p.clientMessageId)}, 'Retry'), ' ',
          h('button', {type: 'button', class: 'discard', onclick: () => this.outbox.discard(p.clientMessageId)}, 'Discard'));
      }
      return h('li', {class: `message mine pending ${p.state}`, 'data-client-message-id': p.clientMessageId},
        h('div', {class: 'meta'}, h('span', {class: 'sender'}, 'You'), h('time', {datetime: p.queuedAt}, time(p.queuedAt))),
        h('div', {class: 'body'}, renderMessage(p.html)),
        status);
    });
  }
}
