// The messages of a thread as a list: day separators, each message with its sender, time and receipt,
// one's own with a menu (⋯, holding Delete), and the outbox's pending ones after them. Rendering is
// keyed: a node is rebuilt only when what it shows changed, and nodes that did not change stay where
// they are (and keep focus).
import {dayKey, dayLabel, h, time} from '../platform/dom.js';
import {MenuButton} from '../platform/menu.js';
import {renderMessage} from '../platform/sanitize.js';
import {attachmentList, filesSignature, pendingList} from '../attachment/files.js';

export class MessageView {
  constructor(list, {me, outbox, api, onDelete}) {
    this.list = list;
    this.api = api;
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
    // The receipt is not part of the signature: it changes in place, so that an open menu and focus survive it.
    const node = this.node(m.id, `${m.seq}|${mine}|${m.unavailable}|${m.deleted}|${m.html?.length}|${locked}|${filesSignature(m.attachments)}`, () => {
      const body = h('div', {class: 'body'});
      if (m.deleted) {
        body.append(h('p', {class: 'deleted'}, 'Message deleted'));
      } else if (m.unavailable) {
        body.append(h('p', {class: 'unavailable'}, 'This message cannot be shown.'));
      } else {
        body.append(renderMessage(m.html));
        const files = attachmentList(this.api, m.attachments);
        if (files) {
          body.append(files);
        }
      }
      return h('li', {class: `message ${mine ? 'mine' : 'theirs'}${m.deleted ? ' deleted' : ''}`, 'data-id': m.id, 'data-seq': m.seq},
        h('div', {class: 'meta'},
          h('span', {class: 'sender'}, mine ? 'You' : m.sender.displayName),
          h('time', {datetime: m.sentAt}, time(m.sentAt)),
          // an admin's announcement on behalf of the practice: the sender shown is the practice, in both apps
          m.announcement ? h('span', {class: 'announcement-label'}, m.fromPractice ? 'Announcement from the practice' : 'Announcement') : null,
          m.automaticReply ? h('span', {class: 'announcement-label automatic-reply-label'}, 'Automatic reply') : null,
          mine && !m.deleted ? this.actions(m) : null),
        body,
        // The receipt stays on a deleted message: whether it was read before it went still matters.
        mine ? h('p', {class: 'status'}) : null);
    });
    const receipt = node.querySelector(':scope > .status');
    if (receipt && receipt.textContent !== status) {
      receipt.textContent = status;
      receipt.classList.toggle('read', Boolean(m.readAt));
    }
    return node;
  }

  /** The message's own menu (⋯): shown on hover or focus where there is a mouse, always on a touch screen. */
  actions(m) {
    const menu = new MenuButton({label: `Actions for your message sent ${time(m.sentAt)}`, className: 'message-menu'});
    menu.setItems([{label: 'Delete', className: 'delete-message', action: () => this.onDelete(m)}]);
    return menu.element;
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
        h('div', {class: 'body'}, renderMessage(p.html), pendingList(p.attachments)),
        status);
    });
  }
}

/** Asks before a message is deleted; onConfirm deletes it. */
export function confirmDeletion(onConfirm) {
  const dialog = h('dialog', {class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'confirm-title',
    'aria-describedby': 'confirm-text', onclose: () => dialog.remove()},
    h('h2', {id: 'confirm-title'}, 'Delete this message?'),
    h('p', {id: 'confirm-text'}, 'Everyone in the conversation will see "Message deleted" instead. This cannot be undone.'),
    h('div', {class: 'dialog-actions'},
      h('button', {type: 'button', class: 'secondary', onclick: () => dialog.close()}, 'Cancel'),
      h('button', {type: 'button', class: 'danger confirm-delete', onclick: () => {
        dialog.close();
        onConfirm();
      }}, 'Delete')));
  document.body.append(dialog);
  dialog.showModal();
}
