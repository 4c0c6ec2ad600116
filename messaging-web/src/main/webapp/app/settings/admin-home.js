// A practice admin's home: what an admin does, one entry each (the practice's messaging settings, its
// practitioners and admins, clients and their portal accounts, announcements from the practice, out of office,
// emergency access, the audit trail), in place of the inbox. Admins do not write in conversations: the server lets
// only practitioners start conversations and send, and clients and guardians answer (an admin starting one is 403
// wrong-role, an admin sending is 404), so an admin's app has no inbox, search or composer, and an admin reads a
// conversation only under emergency access, read-only. The one thing an admin writes is an announcement on behalf
// of the practice (conversation/announcement.js with forPractice), to all its clients or those of chosen practitioners.
import {h, replace} from '../platform/dom.js';
import {auditTrail} from '../audit/trail.js';
import {newAnnouncement} from '../conversation/announcement.js';
import {EmergencyAccess} from '../emergency/access.js';
import {Reader} from '../emergency/reader.js';
import {ClientImport} from './import.js';
import {Members} from './members.js';
import {People} from './people.js';
import {TeamAway} from './team-away.js';

export class AdminHome {
  constructor({api, me, settings}) {
    this.api = api;
    this.me = me;
    this.settings = settings;
    this.practiceState = h('p', {class: 'task-state', id: 'task-settings-state'});
    this.title = h('h2', {id: 'admin-title', tabindex: '-1'}, 'Practice administration');
    this.intro = h('p', {class: 'admin-intro'});
    this.landing = h('section', {class: 'admin-landing', 'aria-labelledby': 'admin-title'}, this.title, this.intro,
      h('ul', {class: 'admin-tasks'},
        task('settings', 'Messaging settings', 'Turn messaging on or off for the practice, set the names practitioners\' '
          + 'messages are sent under, and word what the client portal tells clients: its notice and the phone number to call.',
        'Open messaging settings', () => this.settings.open(), this.practiceState),
        task('members', 'Practitioners and admins', 'See who works in the practice\'s messaging and whether they have '
          + 'signed up, add a practitioner or an admin and invite them, and switch someone off when they leave.',
        'Open practitioners and admins', () => this.show('members')),
        task('people', 'Clients and portal accounts', 'Find or add a client, or import many from a file; see whether they and '
          + 'their guardians can sign in to the portal and invite them; discharge or re-admit a client, and turn their messaging on or off.',
        'Find or add a client', () => this.show('people')),
        task('announce', 'Announcements', 'Write once to every client of the practice, or to the clients of the practitioners '
          + 'you choose, now or at a time you choose. Each client gets it from the practice, in a conversation they have with '
          + 'one of its practitioners; you see beforehand how many will receive it.',
        'Write an announcement', () => newAnnouncement(this.api, () => {}, {forPractice: true})),
        task('away', 'Out of office', 'See who is away now or planned to be, and set an out-of-office reply for one or '
          + 'several practitioners at once, for example when the practice closes for a day.',
        'Open out of office', () => this.show('away')),
        task('emergency', 'Emergency access', 'Read a conversation of the practice you are not part of when someone\'s '
          + 'safety requires it. You give a reason; access is read-only and time-limited, every read is audited, and the '
          + 'conversation\'s practitioner can see who opened it and why.',
        'Open emergency access', () => this.show('emergency')),
        task('audit', 'Audit trail', 'Check that the practice\'s audit trail is intact (nothing changed, removed or '
          + 'added outside the application), and export its events for a period as a spreadsheet file (CSV).',
        'Verify or export', () => auditTrail(this.api))));
    this.members = new Members(api, me, {onBack: () => this.show()});
    this.people = new People(api, {onBack: () => this.show(), onImport: () => this.show('import')});
    this.imports = new ClientImport(api, {onBack: () => this.show('people'), onOpen: c => this.people.client(c)});
    this.reader = new Reader(api, me, {onBack: () => this.show('emergency')});
    this.emergency = new EmergencyAccess(api, me, {onBack: () => this.show(), onRead: (conversation, grant) => {
      this.reader.open(conversation, grant);
      this.show('reader');
    }});
    this.away = new TeamAway(api, {onBack: () => this.show()});
    this.screens = {away: this.away, members: this.members, people: this.people, import: this.imports, emergency: this.emergency, reader: this.reader};
    this.element = h('main', {class: 'admin-home', id: 'admin-home', tabindex: '-1'},
      this.landing, ...Object.values(this.screens).map(screen => screen.element));
    this.refresh(me);
  }

  /** The landing (no name), or one of its screens; focus goes to what is shown. */
  show(name) {
    this.landing.hidden = Boolean(name);
    for (const [key, screen] of Object.entries(this.screens)) {
      if (key === name) {
        screen.show();
      } else {
        screen.hide();
      }
    }
    if (!name) {
      this.title.focus();
    }
  }

  /** The practice as GET /me tells it, again after a practice.changed. */
  refresh(me) {
    this.me = me;
    const practice = me.practice || {};
    replace(this.intro, `You look after messaging for ${practice.name || 'the practice'}. Practitioners write to `
      + 'clients and to each other; as an admin you set messaging up, add the practice\'s people and invite them to sign in and, '
      + 'in an emergency, read a conversation. You write to clients only in announcements from the practice.');
    replace(this.practiceState,
      h('span', {class: `state ${practice.messagingEnabled === false ? 'off' : 'on'}`},
        practice.messagingEnabled === false ? 'Messaging is off: nobody can send.' : 'Messaging is on.'),
      ' ', practice.contactPhone ? `Phone number for clients: ${practice.contactPhone}.` : 'No phone number for clients yet.');
  }
}

function task(key, title, text, action, open, state = null) {
  return h('li', {class: `admin-task task-${key}`},
    h('h3', {id: `task-${key}-title`}, title),
    h('p', {class: 'task-text'}, text),
    state,
    h('button', {type: 'button', class: 'task-open', 'aria-describedby': `task-${key}-title`, onclick: open}, action));
}
