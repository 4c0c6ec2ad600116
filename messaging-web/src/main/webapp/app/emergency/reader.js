// Reading a conversation under emergency access: the messages as its participants see them, read-only (no
// composer, the read marker untouched), with the access's end in view. The server answers the reads only
// while the admin's access is open, and audits each one as emergency access.
import {ProblemError} from '../platform/api.js';
import {problemText} from '../platform/dialog.js';
import {h, replace, time} from '../platform/dom.js';
import {Screen} from '../platform/screen.js';
import {MessageView} from '../conversation/messages.js';
import {between} from './access.js';

const PAGE = 50;

export class Reader extends Screen {
  constructor(api, me, {onBack}) {
    const notice = h('p', {class: 'emergency-notice', role: 'status'});
    const older = h('button', {type: 'button', class: 'older', hidden: true, onclick: () => this.load(true)}, 'Show earlier messages');
    const list = h('ol', {class: 'messages', 'aria-labelledby': 'reader-title'});
    const scroller = h('div', {class: 'scroller', tabindex: '0', 'aria-label': 'Messages'}, older, list);
    super({id: 'reader', title: '', back: 'Emergency access', onBack}, notice, scroller);
    this.element.classList.add('reader');
    this.api = api;
    this.notice = notice;
    this.older = older;
    this.list = list;
    this.scroller = scroller;
    this.view = new MessageView(list, {me, outbox: null, onDelete: () => {}});
  }

  async open(conversation, grant) {
    this.conversation = conversation;
    this.messages = [];
    this.view.clear();
    replace(this.list);
    replace(this.title, between(conversation));
    replace(this.notice, `Emergency access until ${time(grant.expiresAt)}. Read-only; every read is recorded in the audit trail.`);
    await this.load(false);
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  async load(earlier) {
    const before = earlier && this.messages.length ? `&before=${Math.min(...this.messages.map(m => m.seq))}` : '';
    try {
      const page = await this.api.get(`conversations/${this.conversation.id}/messages?limit=${PAGE}${before}`);
      this.messages.push(...page);
      this.older.hidden = page.length < PAGE;
      this.view.render(this.messages, [], true);
      if (!this.messages.length) {
        replace(this.list, h('li', {class: 'empty'}, 'No messages in this conversation.'));
      }
    } catch (e) {
      const ended = e instanceof ProblemError && e.status === 404;
      replace(this.notice, ended ? 'Your emergency access to this conversation has ended. To read it again, open it '
        + 'from Emergency access with a reason.' : problemText(e));
      this.older.hidden = true;
    }
  }
}
