// Signing in and out. The token lives in this page's memory only: never in localStorage,
// sessionStorage or a cookie, so signing out (or closing the tab) forgets it.
import {Api, BASE, ProblemError} from './api.js';
import {h, replace} from './dom.js';

const REASONS = {
  idle: 'You were signed out after a period without activity. Nothing was kept on this device.',
  expired: 'Your session has ended. Please sign in again.',
  signedout: 'You have signed out. Nothing was kept on this device.',
  reloaded: 'The page was reloaded, which signs you out: Care Messaging keeps nothing on this device, '
    + 'not even your sign-in. Sign in again to carry on.',
  discarded: 'Your browser closed this page in the background, which signs you out: Care Messaging keeps '
    + 'nothing on this device, not even your sign-in. Sign in again to carry on.',
};

/**
 * Why this page starts signed out when no sign-out sent it here: a reload, or a phone browser that
 * discarded the tab in the background and loads it again. The browser says which (Navigation Timing,
 * `document.wasDiscarded`); nothing of the earlier page is kept to tell.
 */
function startedAfresh() {
  if (document.wasDiscarded) {
    return 'discarded';
  }
  const [navigation] = performance.getEntriesByType('navigation');
  return navigation?.type === 'reload' ? 'reloaded' : null;
}

export async function appSettings() {
  try {
    return await new Api().get('app/settings');
  } catch {
    return {devLogin: false, idleMinutes: 15, idleWarningSeconds: 60};
  }
}

/**
 * A token handed over by the hospital's identity provider: it redirects to the app with
 * `#access_token=<JWT>`. A fragment never reaches a server or its logs; the app removes it from the
 * address bar at once.
 */
export function handedToken() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('access_token');
  if (location.hash) {
    history.replaceState(null, '', location.pathname);
  }
  return token;
}

export function homeOf(kind) {
  return kind === 'portal' ? `${BASE}portal/` : BASE;
}

/** Leaves the page for a fresh one: everything this page held in memory is gone with it. */
export function signOut(kind, reason = 'signedout') {
  location.replace(`${homeOf(kind)}?signedout=${encodeURIComponent(reason)}`);
}

/** Resolves with a token once the user has signed in. */
export function signIn(root, {kind, settings}) {
  const signedOut = new URLSearchParams(location.search).get('signedout');
  if (signedOut) {
    history.replaceState(null, '', location.pathname);
  }
  const reason = signedOut || startedAfresh();
  const title = kind === 'portal' ? 'Sign in to your messages' : 'Sign in to Care Messaging';
  return new Promise(resolve => {
    const notice = REASONS[reason] ? h('p', {class: 'notice', role: 'status'}, REASONS[reason]) : null;
    const main = h('main', {class: 'signin', 'aria-labelledby': 'signin-title'},
      h('h1', {id: 'signin-title'}, title), notice);
    replace(root, main);
    if (!settings.devLogin) {
      main.append(
        h('p', {}, 'Sign in through your organisation\'s sign-in page. It brings you back here, signed in.'),
        h('p', {class: 'hint'}, 'For IT: the identity provider redirects to this address with ',
          h('code', {}, '#access_token=<JWT>'), '; see docs/user-guide.md, "Signing in".'));
      return;
    }
    const error = h('p', {class: 'error', role: 'alert', hidden: true});
    const list = h('ul', {class: 'demo-users', 'aria-label': 'Demo users'});
    main.append(h('p', {}, 'Development sign-in: choose a demo user.'), list, error,
      h('p', {class: 'hint'}, kind === 'portal'
        ? h('a', {href: BASE}, 'Practitioners: open the practitioner app')
        : h('a', {href: `${BASE}portal/`}, 'Clients and guardians: open the client portal')));
    new Api().get('dev/users').then(users => {
      const mine = users.filter(u => kind === 'portal' ? u.role === 'client' : u.role === 'practitioner' || u.role === 'admin');
      for (const user of mine) {
        const label = `${user.displayName} (${user.username})`;
        list.append(h('li', {}, h('button', {
          type: 'button', class: 'demo-user', 'data-username': user.username, disabled: !user.signedUp,
          onclick: async () => {
            error.hidden = true;
            try {
              const {token} = await new Api().post('dev/login', {username: user.username});
              resolve(token);
            } catch (e) {
              error.textContent = e instanceof ProblemError ? e.message : 'The server cannot be reached.';
              error.hidden = false;
            }
          },
        }, label, user.signedUp ? '' : ' — has not signed up yet', user.role === 'admin' ? ' — admin' : '')));
      }
      list.querySelector('button:not([disabled])')?.focus();
    }).catch(() => {
      error.textContent = 'The demo users cannot be loaded.';
      error.hidden = false;
    });
  });
}
