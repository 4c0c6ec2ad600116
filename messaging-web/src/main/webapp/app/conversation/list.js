// The conversation list: counterpart (and whose guardian), last message preview, time, unread badge,
// online dot. Each row is a button; the open one is marked aria-current. A row with the reader's draft
// shows the draft's start instead of the last message ("Draft: …"), as the draft is what they left there.
import {h, replace, when} from '../platform/dom.js';

export class ConversationList {
  constructor({onOpen, label, draftOf = () => null}) {
    this.onOpen = onOpen;
    this.draftOf = draftOf;
    this.list = h('ul', {class: 'conversation-list', 'aria-label': label});
    this.empty = h('p', {class: 'empty', hidden: true}, 'No conversations yet.');
    this.element = h('div', {class: 'conversations'}, this.list, this.empty);
    this.selected = null;
  }

  /** What the list says when it holds no conversation (text, or nodes). */
  setEmpty(...content) {
    replace(this.empty, ...content);
  }

  render(conversations, selected = this.selected) {
    this.selected = selected;
    const focusedId = document.activeElement?.closest?.('.conversation')?.dataset.id;
    replace(this.list, conversations.map(c => this.row(c)));
    this.empty.hidden = conversations.length > 0;
    if (focusedId) {
      this.list.querySelector(`.conversation[data-id="${CSS.escape(focusedId)}"]`)?.focus();
    }
  }

  row(c) {
    const unread = c.unreadCount > 0;
    const name = c.counterpart.displayName;
    const draft = c.hasDraft ? this.draftOf(c) : null;
    const draftText = draft?.unavailable ? 'cannot be shown' : draft?.text || '';
    const parts = [name, c.counterpart.note, c.counterpart.online ? 'online' : null,
      unread ? `${c.unreadCount} unread` : null, c.hasDraft ? `draft: ${draftText}`.trim() : null].filter(Boolean);
    return h('li', {},
      h('button', {
        type: 'button', class: `conversation${unread ? ' unread' : ''}`, 'data-id': c.id,
        'aria-current': c.id === this.selected ? 'true' : undefined,
        'aria-label': parts.join(', '),
        onclick: () => this.onOpen(c.id),
      },
      h('span', {class: 'line'},
        h('span', {class: `presence${c.counterpart.online ? ' online' : ''}`, 'aria-hidden': 'true',
          title: c.counterpart.online ? 'Online' : 'Offline'}),
        h('span', {class: 'name'}, name),
        c.lastActivityAt ? h('time', {class: 'when', datetime: c.lastActivityAt}, when(c.lastActivityAt)) : null),
      c.counterpart.note ? h('span', {class: 'note'}, c.counterpart.note) : null,
      h('span', {class: 'line'},
        c.hasDraft ? h('span', {class: 'draft-tag'}, 'Draft:') : null,
        c.hasDraft
          ? h('span', {class: `preview draft${draft?.unavailable ? ' unavailable' : ''}`}, draftText)
          : h('span', {class: 'preview'}, c.lastMessageDeleted ? 'Message deleted' : c.lastMessagePreview || 'No messages yet'),
        unread ? h('span', {class: 'badge', 'aria-hidden': 'true'}, String(c.unreadCount)) : null)));
  }
}
