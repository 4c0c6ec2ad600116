// Automatic log-off: after `idleMs` without activity the app warns, and `warnMs` later it signs out.
import {announce, h} from './dom.js';

// Only what a person does: a programmatic scroll (new messages scrolled into view) is no sign of anyone.
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'];

export class IdleTimer {
  constructor({idleMs, warnMs, onWarn, onResume, onTimeout}) {
    this.idleMs = idleMs;
    this.warnMs = Math.min(warnMs, idleMs);
    this.onWarn = onWarn;
    this.onResume = onResume;
    this.onTimeout = onTimeout;
    this.warning = false;
    this.lastActivity = Date.now();
    this.activity = () => this.touch();
  }

  start() {
    for (const type of ACTIVITY) {
      document.addEventListener(type, this.activity, {capture: true, passive: true});
    }
    this.schedule();
  }

  stop() {
    for (const type of ACTIVITY) {
      document.removeEventListener(type, this.activity, {capture: true});
    }
    clearTimeout(this.timer);
  }

  /** Activity: while the warning shows, only an explicit "stay signed in" (resume) counts. */
  touch() {
    if (this.warning) {
      return;
    }
    const now = Date.now();
    if (now - this.lastActivity < 1000) {
      return;
    }
    this.lastActivity = now;
    this.schedule();
  }

  resume() {
    this.warning = false;
    this.lastActivity = Date.now();
    this.onResume?.();
    this.schedule();
  }

  schedule() {
    clearTimeout(this.timer);
    const idle = Date.now() - this.lastActivity;
    const warnAt = this.idleMs - this.warnMs;
    if (idle >= this.idleMs) {
      this.stop();
      this.onTimeout();
    } else if (idle >= warnAt) {
      if (!this.warning) {
        this.warning = true;
        this.onWarn(Math.ceil((this.idleMs - idle) / 1000));
      }
      this.timer = setTimeout(() => this.schedule(), Math.min(1000, this.idleMs - idle));
    } else {
      this.timer = setTimeout(() => this.schedule(), warnAt - idle);
    }
  }
}

/** The warning before the log-off: a dialog counting the seconds down, with "Stay signed in" and "Sign out". */
export class IdleWarning {
  constructor({onStay, onSignOut}) {
    this.text = h('p', {id: 'idle-text'});
    this.stay = h('button', {type: 'button', class: 'stay', onclick: onStay}, 'Stay signed in');
    this.element = h('dialog', {class: 'idle', 'aria-labelledby': 'idle-title', 'aria-describedby': 'idle-text',
      role: 'alertdialog', oncancel: event => event.preventDefault()},
      h('h2', {id: 'idle-title'}, 'Are you still there?'), this.text,
      h('div', {class: 'dialog-actions'}, this.stay,
        h('button', {type: 'button', class: 'secondary', onclick: onSignOut}, 'Sign out')));
  }

  /** Shows the warning; endsAt() is when the log-off comes (ms since the epoch). */
  show(seconds, endsAt) {
    const update = () => {
      const left = Math.max(0, Math.ceil((endsAt() - Date.now()) / 1000));
      this.text.textContent = `For your clients' privacy you will be signed out in ${left} seconds without activity.`;
    };
    update();
    clearInterval(this.countdown);
    this.countdown = setInterval(update, 1000);
    if (!this.element.open) {
      this.element.showModal();
    }
    this.stay.focus();
    announce(`You will be signed out in ${seconds} seconds without activity.`);
  }

  close() {
    clearInterval(this.countdown);
    if (this.element.open) {
      this.element.close();
    }
  }
}
