// The app around the components: sign-in, layout, the event stream, the outbox, unread totals and the
// page title, automatic log-off. The practitioner app and the client portal are this shell with a
// different layout and different rights.
import {Api} from './platform/api.js';
import {announce, h, replace} from './platform/dom.js';
import {IdleTimer, IdleWarning} from './platform/idle.js';
import {appSettings, homeOf, signIn} from './platform/session.js';
import {Realtime} from './delivery/realtime.js';
import {ConversationList} from './conversation/list.js';
import {Inbox} from './conversation/inbox.js';
import {Thread} from './conversation/thread.js';
import {Composer} from './conversation/composer.js';
import {Outbox} from './conversation/outbox.js';
import {Drafts} from './conversation/drafts.js';
import {newAnnouncement} from './conversation/announcement.js';
import {newConversation} from './conversation/picker.js';
import {Search} from './conversation/search.js';
import {Settings} from './settings/dialogs.js';
import {insteadOfWriting} from './settings/contact.js';
import {AdminHome} from './settings/admin-home.js';
import {keepInvitation} from './invitation/redeem.js';
import {arrive} from './invitation/arrival.js';

const STATUS_TEXT = {
  connecting: ['Connecting…', 'Connecting to the server'],
  live: ['Live', 'Updates arrive over a live connection (WebSocket)'],
  polling: ['Live (polling)', 'The live connection is blocked on this network; updates arrive by polling'],
  offline: ['Offline', 'No connection. Messages you send wait and go out when the connection is back'],
};

export async function boot({kind}) {
  const root = document.getElementById('app');
  const settings = await appSettings();
  const invited = keepInvitation();
  const session = await signIn(root, {kind, settings, invited});
  const app = new Shell({kind, root, settings, session});
  await app.start();
  return app;
}

class Shell {
  constructor({kind, root, settings, session}) {
    this.kind = kind;
    this.root = root;
    this.settings = settings;
    this.appName = kind === 'portal' ? 'Messages' : 'Care Messaging';
    this.session = session;
    // Before `me` answers, a refusal is start()'s to show (the directory may not know this person).
    this.api = new Api({token: session.token, onUnauthorized: () => this.me && this.end('expired')});
    session.onRenewed = token => {
      this.api.token = token;
      this.realtime?.renew();
    };
    session.onLapsed = () => this.end('expired');
    this.inbox = new Inbox(this.api, {onChange: () => this.showConversations()});
    this.ended = false;
  }

  async start() {
    this.me = await arrive({root: this.root, api: this.api, kind: this.kind,
      onSignOut: () => this.end('signedout'), onExpired: () => this.end('expired')});
    if (!this.me) {
      return;
    }
    const portal = this.kind === 'portal';
    this.outbox = new Outbox(this.api, {
      onChange: item => this.outboxChanged(item),
      onSent: (item, message) => this.sent(item, message),
    });
    this.composer = new Composer({onSend: (html, files) => this.send(html, files), onInput: () => this.drafts.typed(),
      attachments: {api: this.api, limits: this.settings.attachments, portal}});
    this.drafts = new Drafts(this.api, this.composer, {onPreview: () => this.list?.render(this.inbox.items)});
    this.settingsDialogs = new Settings(this.api, this.me, {onChanged: () => this.reloadMe()});
    this.thread = new Thread({
      api: this.api, me: this.me, outbox: this.outbox, composer: this.composer,
      onRead: (id, unread) => this.setUnread(id, unread),
      onBack: () => this.closeThread(),
      onChanged: (summary, {leave}) => this.conversationChanged(summary, leave),
      practiceMessaging: () => this.me.practice?.messagingEnabled !== false,
    });
    this.list = new ConversationList({onOpen: id => this.open(id), label: portal ? 'Your conversations' : 'Conversations',
      draftOf: c => this.drafts.previewOf(c)});
    this.layout();
    this.composer.mount();
    if (portal) {
      this.composer.offerInstead(() => insteadOfWriting(this.me.practice));
    }
    this.showPractice();
    const {cursor} = await this.api.get('events/cursor');
    await this.inbox.load();
    this.realtime = new Realtime(this.api, {
      onEvents: events => this.onEvents(events),
      onResync: () => this.resync(),
      onStatus: status => this.showStatus(status),
      onEnded: reason => this.end(reason),
    });
    this.realtime.start(cursor);
    this.idle = new IdleTimer({
      idleMs: this.settings.idleMinutes * 60000,
      warnMs: this.settings.idleWarningSeconds * 1000,
      onWarn: seconds => this.idleWarning.show(seconds, () => this.idle.lastActivity + this.idle.idleMs),
      onResume: () => this.idleWarning.close(),
      onTimeout: () => this.end('idle'),
    });
    this.idle.start();
    if (portal && this.inbox.items.length === 1) {
      // A client with one conversation starts in it, and can still go back to the list (to write to
      // someone else, search, or open the archive).
      await this.open(this.inbox.items[0].id, {focus: false}); // nobody asked for it: focus stays at the page's start
    }
    document.body.dataset.ready = 'true';
  }

  layout() {
    const portal = this.kind === 'portal';
    this.connection = h('p', {class: 'connection', role: 'status', 'data-status': 'connecting'});
    this.totalBadge = h('span', {class: 'badge total', hidden: true});
    this.idleWarning = new IdleWarning({onStay: () => this.idle.resume(), onSignOut: () => this.end('signedout')});
    const head = h('div', {class: 'sidebar-head'}, h('h2', {id: 'list-title'}, portal ? 'Conversations' : 'Inbox'));
    if (this.me.role === 'practitioner') {
      head.append(h('button', {type: 'button', class: 'new-conversation', onclick: () => newConversation(this.api, this.me, async summary => {
        await this.inbox.load();
        await this.openAnywhere(summary.id);
      })}, 'New conversation'),
      h('button', {type: 'button', class: 'new-announcement secondary', onclick: () => newAnnouncement(this.api,
        () => this.inbox.load())}, 'New announcement'));
      this.thread.onClientSettings = summary => this.settingsDialogs.client(summary);
    } else if (this.me.actsFor?.length) {
      head.append(h('button', {type: 'button', class: 'new-conversation', onclick: () => this.settingsDialogs.writeFirst(
        async summary => { await this.inbox.load(); await this.open(summary.id); })}, 'New message'));
    }
    this.tabs = h('div', {class: 'folders', role: 'tablist', 'aria-label': 'Folders'},
      ...['inbox', 'archive'].map(folder => h('button', {type: 'button', role: 'tab', class: `folder folder-${folder}`,
        'aria-selected': String(folder === this.inbox.folder), onclick: () => this.showFolder(folder)},
        folder === 'inbox' ? 'Inbox' : 'Archive')));
    this.search = new Search(this.api, {onOpen: id => this.openAnywhere(id), portal, me: this.me});
    this.practiceBanner = h('p', {class: 'practice-banner', role: 'status', hidden: true});
    this.placeholder = h('p', {class: 'placeholder'}, portal ? 'Choose a conversation.' : 'Choose a conversation, or start a new one.');
    // An admin writes to nobody: their home is what they do instead of an inbox (settings/admin-home.js).
    this.adminHome = this.me.role === 'admin' ? new AdminHome({api: this.api, me: this.me, settings: this.settingsDialogs}) : null;
    this.sidebar = h('aside', {class: 'sidebar', 'aria-labelledby': 'list-title'}, head, this.search.element, this.tabs,
      this.search.results, this.list.element);
    replace(this.root,
      h('a', {class: 'skip-link', href: this.adminHome ? '#admin-home' : '#thread'}, this.adminHome ? 'Skip to the main content' : 'Skip to the conversation'),
      h('header', {class: 'top'},
        h('h1', {class: 'brand'}, portal && this.me.practice ? this.me.practice.name : this.appName),
        h('nav', {'aria-label': 'Main'}, h('a', {href: homeOf(this.kind), class: 'nav-inbox', 'aria-current': 'page',
          onclick: event => { event.preventDefault(); this.adminHome ? this.adminHome.show() : this.closeThread(); }},
          portal ? 'Messages' : this.adminHome ? 'Home' : 'Inbox', ' ', this.totalBadge)),
        this.connection,
        h('span', {class: 'who'}, this.me.displayName),
        portal ? null : h('button', {type: 'button', class: 'open-settings secondary', onclick: () => this.settingsDialogs.open()}, 'Settings'),
        h('button', {type: 'button', class: 'signout', onclick: () => this.end('signedout')}, 'Sign out')),
      this.practiceBanner,
      this.adminHome?.element || h('main', {class: 'layout'}, this.sidebar, this.thread.element, this.placeholder),
      this.idleWarning.element);
    this.showStatus('connecting');
  }

  showConversations() {
    this.drafts.learn(this.inbox.items);
    this.list.render(this.inbox.items, this.thread.id);
    const open = this.inbox.find(this.thread.id);
    if (open) {
      this.thread.update(open);
    }
    this.showTotals();
  }

  showTotals() {
    const total = this.inbox.unreadTotal;
    this.totalBadge.hidden = total === 0;
    this.totalBadge.textContent = String(total);
    this.totalBadge.setAttribute('aria-label', `${total} unread`);
    document.title = total ? `(${total}) ${this.appName}` : this.appName;
  }

  setUnread(id, unread) {
    this.inbox.patch(id, c => { c.unreadCount = unread; });
  }

  async open(id, {focus = true} = {}) {
    const summary = this.inbox.find(id);
    if (!summary) {
      return;
    }
    this.placeholder.hidden = true;
    document.body.classList.add('thread-open');
    this.list.render(this.inbox.items, id);
    const opening = Promise.all([this.thread.open(summary), this.drafts.open(summary)]);
    // Focus moves to the thread's heading at once, never later: a late move would steal it from
    // whatever the user went on to do while the messages loaded.
    if (focus) {
      this.thread.title.focus();
    }
    await opening;
  }

  async reloadMe() {
    this.me = await this.api.get('me');
    this.settingsDialogs.me = this.me;
    this.showPractice();
    await this.inbox.load();
    if (this.thread.conversation) {
      this.thread.showSending(this.thread.conversation);
    }
  }

  /**
   * What the practice set shows: the banner while its messaging is off; in the portal, the notice in the
   * composer area, and what to do instead where a client may not write (also when they have no one to write to).
   */
  showPractice() {
    const practice = this.me.practice;
    const off = practice?.messagingEnabled === false;
    this.practiceBanner.hidden = !off;
    this.adminHome?.refresh(this.me);
    if (this.kind !== 'portal') {
      replace(this.practiceBanner, 'Messaging is turned off for this practice. You can read conversations, but nobody can send.');
      return;
    }
    replace(this.practiceBanner, 'You can\'t send messages right now. You can still read your conversations. ', ...insteadOfWriting(practice));
    this.composer.showNote(practice?.portalNotice);
    this.list.setEmpty(...(this.me.actsFor?.length ? ['No conversations yet.']
      : ['You can\'t send messages here. ', ...insteadOfWriting(practice)]));
  }

  showFolder(folder) {
    for (const tab of this.tabs.children) {
      tab.setAttribute('aria-selected', String(tab.classList.contains(`folder-${folder}`)));
    }
    this.closeThread();
    this.inbox.showFolder(folder).catch(() => {});
  }

  /** A conversation's state changed by the user (unread, archive): refresh, and leave it if asked. */
  conversationChanged(summary, leave) {
    if (leave) {
      this.closeThread();
    } else if (summary) {
      this.thread.update(summary);
    }
    this.inbox.load().catch(() => {});
  }

  /** Opens a conversation found by search, whichever folder it is in. */
  async openAnywhere(id) {
    await this.inbox.include(id);
    await this.open(id);
  }

  closeThread() {
    this.drafts.flush();
    this.thread.close();
    document.body.classList.remove('thread-open');
    this.placeholder.hidden = false;
    this.list.render(this.inbox.items, null);
  }

  send(html, files) {
    if (this.thread.id) {
      this.outbox.send(this.thread.id, html, this.drafts.sending(), files);
      this.thread.scrollToEnd(true);
    }
  }

  outboxChanged(item) {
    if (item.conversationId === this.thread.id) {
      this.thread.render();
      if (item.state === 'queued') {
        this.thread.scrollToEnd(false);
      }
    }
  }

  sent(item, message) {
    if (item.conversationId === this.thread.id) {
      this.thread.merge([message]);
      this.thread.render();
    }
    this.inbox.refreshSoon();
  }

  onEvents(events) {
    let threadChanged = false;
    for (const event of events) {
      const inThread = event.conversationId && event.conversationId === this.thread.id;
      if (event.type === 'practice.changed') {
        this.reloadMe().catch(() => {});
        continue;
      }
      if (event.type === 'out-of-office.changed') {
        this.thread.awayChanged(event.facts?.practitionerId).catch(() => {});
        continue;
      }
      if (event.type === 'draft.changed') {
        this.drafts.changedOn(event);
        if (inThread) {
          this.drafts.changedElsewhere();
        }
        continue;
      }
      if (event.type === 'message.deleted' && inThread) {
        this.thread.refreshMessage(event.seq).catch(() => {});
      }
      if (event.type === 'presence') {
        this.inbox.patch(event.conversationId, c => { c.counterpart.online = Boolean(event.facts?.counterpartOnline); });
        continue;
      }
      if (event.type === 'message.created' && !inThread && event.facts?.senderId !== this.me.id) {
        const c = this.inbox.find(event.conversationId);
        announce(c ? `New message from ${c.counterpart.displayName}` : 'New message');
      }
      if (inThread && (event.type !== 'message.read' || event.facts?.readerId !== this.me.id)) {
        threadChanged = true;
      }
    }
    if (threadChanged) {
      this.thread.refresh().catch(() => {});
    }
    const named = events.filter(e => !['presence', 'practice.changed', 'out-of-office.changed'].includes(e.type));
    if (named.length) {
      this.inbox.refreshSoon(named.every(e => e.conversationId) ? named.map(e => e.conversationId) : undefined);
    }
  }

  async resync() {
    await this.inbox.load().catch(() => {});
    const open = this.inbox.find(this.thread.id);
    if (open) {
      await this.thread.open(open).catch(() => {});
    }
  }

  showStatus(status) {
    const [text, title] = STATUS_TEXT[status];
    this.connection.dataset.status = status;
    this.connection.title = title;
    replace(this.connection, h('span', {class: 'dot', 'aria-hidden': 'true'}), text);
    if (status === 'live' || status === 'polling') {
      this.outbox?.resume();
      if (this.wasOffline) {
        this.wasOffline = false;
        this.inbox.refreshSoon();
        this.thread.refresh().catch(() => {});
      }
    } else if (status === 'offline') {
      this.wasOffline = true;
    }
  }

  /** Signs out: closes the socket, drops the outbox and everything shown, and leaves for a fresh page. */
  async end(reason) {
    if (this.ended) {
      return;
    }
    this.ended = true;
    this.idle?.stop();
    this.idleWarning?.close();
    this.outbox?.clear();
    this.composer?.forgetFiles();
    this.drafts?.stop();
    this.api.token = null;
    replace(this.root);
    document.title = this.appName;
    await this.realtime?.stop();
    this.session.end(reason);
  }
}
