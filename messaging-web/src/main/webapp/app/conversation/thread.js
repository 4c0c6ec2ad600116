// One conversation: messages with sender and time, day separators, read receipts on one's own
// messages, the messages still in the outbox, and a "new messages" marker when the reader has
// scrolled up. Opening it, and reaching its end, moves the read marker.
import {announce, h, replace} from '../platform/dom.js';
import '../platform/modality.js';
import {MenuButton} from '../platform/menu.js';
import {confirmDeletion, MessageView} from './messages.js';
import {sendingState} from './sending.js';
import {awayText} from './away.js';

const PAGE = 50;

export class Thread {
  constructor({api, me, outbox, composer, onRead, onBack, onChanged = () => {}, practiceMessaging = () => true}) {
    this.api = api;
    this.me = me;
    this.outbox = outbox;
    this.composer = composer;
    this.onRead = onRead;
    this.onChanged = onChanged;
    this.practiceMessaging = practiceMessaging;
    this.messages = new Map();
    this.conversation = null;
    this.title = h('h2', {id: 'thread-title', tabindex: '-1'});
    this.subtitle = h('p', {class: 'thread-note'});
    this.presence = h('span', {class: 'presence-text'});
    this.back = h('button', {type: 'button', class: 'back', onclick: onBack}, '← Conversations');
    this.older = h('button', {type: 'button', class: 'older', hidden: true, onclick: () => this.loadOlder()},
      'Show earlier messages');
    this.list = h('ol', {class: 'messages', 'aria-labelledby': 'thread-title'});
    this.view = new MessageView(this.list, {me, outbox, api, onDelete: message => this.deleteMessage(message)});
    this.empty = h('p', {class: 'thread-empty', hidden: true});
    this.scroller = h('div', {class: 'scroller', tabindex: '0', 'aria-label': 'Messages', onscroll: () => this.scrolled()},
      this.older, this.empty, this.list);
    // A reader at the end stays there when the room shrinks (a banner, a growing editor, a phone's
    // keyboard) or the messages grow after they were shown (a thumbnail arriving): otherwise the last
    // message ends up under the composer, and the read marker waits for a scroll nobody makes.
    this.pinned = true;
    const keepAtEnd = new ResizeObserver(() => this.pinned && this.scrollToEnd(false));
    keepAtEnd.observe(this.scroller);
    keepAtEnd.observe(this.list);
    this.marker = h('button', {type: 'button', class: 'new-marker', hidden: true,
      onclick: () => this.scrollToEnd(true)}, 'New messages ↓');
    this.notice = h('p', {class: 'thread-notice', role: 'status', hidden: true});
    // Whether the practitioner one writes to is away (out-of-office), just above the composer, before one writes.
    this.away = h('p', {class: 'thread-away', role: 'status', hidden: true});
    // The same actions twice: a row of buttons where the header has room, the "⋯" menu where it has
    // not (app.css picks one by the thread's width), so the name never has to give way to them.
    this.buttons = h('div', {class: 'action-buttons'});
    this.menu = new MenuButton({label: 'Conversation actions', className: 'thread-menu'});
    this.actions = h('div', {class: 'thread-actions'}, this.buttons, this.menu.element);
    this.element = h('section', {class: 'thread', id: 'thread', 'aria-labelledby': 'thread-title', hidden: true},
      h('header', {class: 'thread-header'}, this.back, h('div', {class: 'thread-who'}, this.title, this.subtitle, this.presence),
        this.actions),
      this.notice,
      h('div', {class: 'thread-body'}, this.scroller, this.marker),
      this.away,
      composer.element);
    composer.acceptDrops(this.element);
    document.addEventListener('visibilitychange', () => this.maybeMarkRead());
  }

  get id() {
    return this.conversation?.id ?? null;
  }

  async open(summary) {
    this.conversation = summary;
    this.messages.clear();
    this.view.clear();
    this.markedSeq = 0;
    this.hasOlder = false;
    this.loaded = false;
    this.pinned = true;
    this.lastTop = 0;
    replace(this.list);
    this.marker.hidden = true;
    this.element.hidden = false;
    this.composer.showFilesOf(summary.id);
    this.update(summary);
    const page = await this.api.get(`conversations/${summary.id}/messages?limit=${PAGE}`);
    if (this.id !== summary.id) {
      return;
    }
    this.merge(page);
    this.hasOlder = page.length === PAGE;
    this.loaded = true;
    this.render();
    this.scrollToEnd(false);
    this.maybeMarkRead();
  }

  close() {
    this.conversation = null;
    this.menu.close(false);
    this.element.hidden = true;
  }

  /** The summary changed (unread, presence, name). */
  update(summary) {
    this.conversation = summary;
    this.title.textContent = summary.counterpart.displayName;
    this.title.title = summary.counterpart.displayName; // the full name where the header truncates it
    this.subtitle.textContent = summary.counterpart.note || '';
    this.subtitle.hidden = !summary.counterpart.note;
    this.presence.textContent = summary.counterpart.online ? 'Online' : 'Offline';
    this.presence.className = `presence-text${summary.counterpart.online ? ' online' : ''}`;
    this.showSending(summary);
    this.showActions(summary);
    if (this.awayOf !== this.awayPractitioner(summary)) {
      this.showAway().catch(() => {});
    }
  }

  /** The practitioner whose absence matters to this reader: a client's practitioner, or the colleague. */
  awayPractitioner(summary) {
    return summary && (this.me.role === 'client' || summary.kind === 'colleague') ? summary.counterpart.id : null;
  }

  /** A practitioner's out-of-office changed (out-of-office.changed): shown again if it is this thread's. */
  async awayChanged(practitionerId) {
    if (practitionerId && practitionerId === this.awayPractitioner(this.conversation)) {
      await this.showAway();
    }
  }

  async showAway() {
    const id = this.awayPractitioner(this.conversation);
    this.awayOf = id;
    if (!id) {
      this.away.hidden = true;
      return;
    }
    const status = await this.api.get(`practitioners/${id}/away`);
    if (this.awayOf !== id) {
      return;
    }
    const text = status.away ? awayText(this.conversation.counterpart.displayName, status.until) : '';
    this.away.textContent = text;
    this.away.hidden = !text;
  }

  /** Whether the reader may write here, and why not: the composer is locked with the reason over it. */
  showSending(summary) {
    const {lock, notice} = sendingState(summary, this.me.role !== 'client', this.practiceMessaging());
    this.composer.lock(lock);
    this.notice.textContent = notice || '';
    this.notice.hidden = !notice;
    this.render();
  }

  showActions(summary) {
    const actions = [
      {className: 'mark-unread', label: 'Mark as unread', action: () => this.markUnread()},
      summary.archived
        ? {className: 'unarchive', label: 'Move to inbox', action: () => this.archive(false)}
        : {className: 'archive', label: 'Archive', action: () => this.archive(true)},
    ];
    if (this.me.role !== 'client' && summary.kind !== 'colleague' && this.onClientSettings) {
      actions.push({className: 'client-settings', label: 'Client settings', action: () => this.onClientSettings(this.conversation)});
    }
    // Summaries come often (presence, unread counts): rebuilt only when the actions change, so an open
    // menu and the focus in it survive them.
    const shown = actions.map(a => a.className).join(' ');
    if (shown === this.shownActions) {
      return;
    }
    this.shownActions = shown;
    replace(this.buttons, actions.map(({className, label, action}) =>
      h('button', {type: 'button', class: `${className} secondary`, onclick: action}, label)));
    this.menu.setItems(actions.map(({className, label, action}) => ({className: `menu-${className}`, label, action})));
  }

  async markUnread() {
    const id = this.id;
    // A read marker still on its way would clear the mark on arrival: let it land first.
    await this.reading;
    const summary = await this.api.post(`conversations/${id}/unread`, {});
    this.onChanged(summary, {leave: true});
  }

  async archive(archived) {
    const id = this.id;
    const summary = archived
      ? await this.api.post(`conversations/${id}/archive`, {})
      : await this.api.delete(`conversations/${id}/archive`);
    this.onChanged(summary, {leave: archived});
    announce(archived ? 'Conversation archived' : 'Conversation moved to the inbox');
  }

  /** The sender deletes their own message, after saying so. */
  deleteMessage(message) {
    confirmDeletion(async () => {
      const shown = await this.api.delete(`conversations/${this.id}/messages/${message.id}`);
      this.merge([shown]);
      this.render();
      announce('Message deleted');
    });
  }

  /** A message changed (deleted): fetch it as it is now. */
  async refreshMessage(seq) {
    const id = this.id;
    const page = await this.api.get(`conversations/${id}/messages?limit=1&before=${seq + 1}`);
    if (this.id === id) {
      this.merge(page);
      this.render();
    }
  }

  merge(messages) {
    for (const message of messages) {
      this.messages.set(message.id, message);
    }
  }

  lastSeq() {
    return Math.max(0, ...[...this.messages.values()].map(m => m.seq));
  }

  /** New messages or receipts: fetch from the newest back to what we hold, so there is never a gap. */
  async refresh() {
    const id = this.id;
    if (!id) {
      return;
    }
    const known = this.lastSeq();
    const wasAtEnd = this.atEnd();
    const fetched = [];
    let before = null;
    for (;;) {
      const page = await this.api.get(`conversations/${id}/messages?limit=${PAGE}${before ? `&before=${before}` : ''}`);
      if (this.id !== id) {
        return;
      }
      fetched.push(...page);
      const oldest = page.length ? page[page.length - 1].seq : 0;
      if (page.length < PAGE || oldest <= known + 1) {
        break;
      }
      before = oldest;
    }
    const fresh = fetched.filter(m => !this.messages.has(m.id) && m.seq > known);
    this.merge(fetched);
    this.render();
    const fromOthers = fresh.filter(m => m.sender.id !== this.me.id);
    if (fromOthers.length) {
      const last = fromOthers[fromOthers.length - 1];
      announce(`New message from ${last.sender.displayName}`);
    }
    if (wasAtEnd) {
      this.scrollToEnd(true);
    } else if (fromOthers.length) {
      this.marker.hidden = false;
    }
    this.maybeMarkRead();
  }

  async loadOlder() {
    const id = this.id;
    let oldest = Infinity;
    for (const m of this.messages.values()) {
      oldest = Math.min(oldest, m.seq);
    }
    if (!id || oldest === Infinity || oldest <= 1) {
      this.hasOlder = false;
      this.older.hidden = true;
      return;
    }
    const height = this.scroller.scrollHeight;
    const page = await this.api.get(`conversations/${id}/messages?limit=${PAGE}&before=${oldest}`);
    if (this.id !== id) {
      return;
    }
    this.merge(page);
    this.hasOlder = page.length === PAGE;
    this.render();
    this.scroller.scrollTop += this.scroller.scrollHeight - height;
  }

  atEnd() {
    const s = this.scroller;
    return s.scrollHeight - s.scrollTop - s.clientHeight < 48;
  }

  scrollToEnd(smooth) {
    this.scroller.scrollTo({top: this.scroller.scrollHeight, behavior: smooth ? 'smooth' : 'auto'});
    this.marker.hidden = true;
  }

  scrolled() {
    // Only the reader moving up leaves the end. A scroll downwards that stops short of it (the app's own smooth
    // scroll on its way, the browser's scroll anchoring as a picture above grows) keeps a pinned reader pinned.
    const top = this.scroller.scrollTop;
    this.pinned = this.atEnd() || (this.pinned && top >= (this.lastTop ?? 0));
    this.lastTop = top;
    if (this.pinned && !this.atEnd()) {
      this.scrollToEnd(false);
    }
    if (this.pinned) {
      this.marker.hidden = true;
      this.maybeMarkRead();
    }
    if (this.scroller.scrollTop < 40 && this.hasOlder && !this.loadingOlder) {
      this.loadingOlder = true;
      this.loadOlder().finally(() => { this.loadingOlder = false; });
    }
  }

  /** Moves the read marker to the last message when the reader can see it. */
  async maybeMarkRead() {
    const id = this.id;
    const last = this.lastSeq();
    if (!id || document.visibilityState !== 'visible' || !this.atEnd() || last <= this.markedSeq) {
      return;
    }
    const unreadFromOthers = [...this.messages.values()].some(m => m.seq > this.markedSeq && m.sender.id !== this.me.id);
    this.markedSeq = last;
    if (!unreadFromOthers && !(this.conversation.unreadCount > 0)) {
      return;
    }
    const reading = this.api.post(`conversations/${id}/read`, {seq: last});
    this.reading = reading.catch(() => {});
    try {
      const state = await reading;
      this.onRead(id, state.unreadCount);
    } catch {
      this.markedSeq = 0; // try again with the next chance
    }
  }

  /** Shows the messages held and the outbox's pending ones for this conversation. */
  render() {
    if (!this.conversation) {
      return;
    }
    this.older.hidden = !this.hasOlder;
    const pending = this.outbox.pending(this.id);
    this.view.render([...this.messages.values()], pending, this.composer.locked);
    this.showEmpty(this.loaded && !this.messages.size && !pending.length);
  }

  /** A conversation without messages says what to do, instead of showing nothing. */
  showEmpty(empty) {
    this.empty.hidden = !empty;
    this.empty.textContent = !empty ? '' : this.composer.locked ? 'No messages yet.'
      : `No messages yet. Write ${this.me.role === 'client' ? 'your' : 'the'} first message below and press Send.`;
  }
}
