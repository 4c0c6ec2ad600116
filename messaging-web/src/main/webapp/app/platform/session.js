// Signing in and out. The token lives in this page's memory only: never in localStorage,
// sessionStorage or a cookie, so signing out (or closing the tab) forgets it. Where the deployment names
// an identity provider the apps sign in there (oidc.js); the embedded default offers the dev login instead.
import {Api, BASE, ProblemError} from './api.js';
import {h, replace} from './dom.js';
import {ProviderSession} from './oidc.js';

const REASONS = {
  idle: 'You were signed out after a period without activity. Nothing was kept on this device.',
  expired: 'Your session has ended. Please sign in again.',
  signedout: 'You have signed out. Nothing was kept on this device.',
  disabled: 'Your account has been switched off. Ask your practice\'s administrator if this is a mistake.',
  invited: 'You have been invited to Care Messaging. Sign in with your organisation\'s account to accept: '
    + 'the invitation links it to your account here.',
  cancelled: 'Signing in was cancelled. Nothing was kept on this device.',
  reloaded: 'The page was reloaded, which signs you out: Care Messaging keeps nothing on this device, '
    + 'not even your sign-in. Sign in again to carry on.',
  discarded: 'Your browser closed this page in the background, which signs you out: Care Messaging keeps '
    + 'nothing on this device, not even your sign-in. Sign in again to carry on.',
};

/** Why the directory refused a signed-in person, as the page that says so puts it, in either app. */
const REFUSALS = {
  'account-disabled': ['Your account is switched off',
    'Your organisation signed you in, but your Care Messaging account has been switched off. '
      + 'Ask your practice\'s administrator if this is a mistake.'],
  'no-role': ['Your sign-in gives you no role here',
    'Your organisation signed you in without a role that Care Messaging knows. Ask IT to give you one.'],
  'wrong-role': ['Your sign-in does not match your account',
    'The role your organisation gave you is not the one of your Care Messaging account. Ask IT to check it.'],
};

/** The same, where the two apps' people need different words (a client has no admin to ask, a practitioner no invitation). */
const APP_REFUSALS = {
  portal: {
    'unknown-account': ['We could not find your portal account',
      'You signed in, but no portal account is linked to this sign-in yet. If your practice gave you an invitation link, '
        + 'open it and sign in from there. If not, ask your practice for an invitation link.'],
    'client-discharged': ['Your practice has closed your portal access',
      'You can no longer send or read messages here, usually because your care with the practice has ended. '
        + 'If you think this is a mistake, or you need to reach them, please call your practice.'],
  },
  practitioner: {
    'unknown-account': ['You are not in this practice\'s directory',
      'Your sign-in worked, but you are not in this practice\'s directory in Care Messaging yet. '
        + 'Ask your practice\'s admin to add you.'],
  },
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

export function homeOf(kind) {
  return kind === 'portal' ? `${BASE}portal/` : BASE;
}

/** Leaves the page for a fresh one: everything this page held in memory is gone with it. */
export function signOut(kind, reason = 'signedout') {
  location.replace(`${homeOf(kind)}?signedout=${encodeURIComponent(reason)}`);
}

/**
 * A page that ended a session may say why: the dev path by `?signedout=`, the provider's logout by the state it
 * was sent with (`?state=`). Only a known reason is shown; the address bar is cleaned either way.
 */
function reasonGiven() {
  const params = new URLSearchParams(location.search);
  const reason = params.get('signedout') || params.get('state');
  if (location.search) {
    history.replaceState(null, '', location.pathname);
  }
  return REASONS[reason] ? reason : null;
}

function page(root, {kind, reason, failure}) {
  const title = kind === 'portal' ? 'Sign in to your messages' : 'Sign in to Care Messaging';
  const notice = failure ? h('p', {class: 'notice', role: 'alert'}, failure)
    : REASONS[reason] ? h('p', {class: 'notice', role: 'status'}, REASONS[reason]) : null;
  const main = h('main', {class: 'signin', 'aria-labelledby': 'signin-title'}, h('h1', {id: 'signin-title'}, title), notice);
  replace(root, main);
  return main;
}

/**
 * Resolves with the signed-in session once the user has signed in: {token, end(reason)}, and for a provider's
 * session also its renewals (onRenewed, onLapsed).
 */
export async function signIn(root, {kind, settings, invited = false}) {
  const reason = reasonGiven() || (invited ? 'invited' : startedAfresh());
  if (settings.devLogin) {
    const token = await devSignIn(page(root, {kind, reason}), kind);
    return {token, end: why => signOut(kind, why)};
  }
  if (!settings.signIn) {
    page(root, {kind, reason}).append(h('p', {}, 'Signing in is not set up for this deployment yet.'),
      h('p', {class: 'hint'}, 'For IT: name the identity provider and the apps\' client ids; see docs/operations.md.'));
    return new Promise(() => {});
  }
  return providerSignIn(root, {kind, settings, reason});
}

async function providerSignIn(root, {kind, settings, reason}) {
  let session;
  let failure = null;
  try {
    session = await ProviderSession.create(kind, settings.signIn, homeOf(kind));
    if (ProviderSession.answered()) {
      await session.complete();
      return session;
    }
  } catch (error) {
    failure = session ? session.failure(error) : 'The sign-in service cannot be loaded. Check the connection and try again.';
  }
  const abandoned = ProviderSession.abandoned();
  return new Promise(() => {
    const offer = (why, problem) => {
      const main = page(root, {kind, reason: why, failure: problem});
      const button = h('button', {type: 'button', class: 'provider-signin', onclick: async () => {
        button.disabled = true;
        button.textContent = 'Opening your organisation\'s sign-in page…';
        try {
          await session.begin();
        } catch (error) {
          offer(null, session.failure(error));
        }
      }}, problem || why === 'cancelled' ? 'Try again' : 'Sign in');
      main.append(h('p', {}, 'You sign in on your organisation\'s sign-in page. It brings you back here.'),
        h('p', {class: 'signin-actions'}, button), otherApp(kind));
      button.disabled = !session;
      button.focus();
    };
    offer(abandoned && !failure ? 'cancelled' : reason, failure);
    // Back from the provider's page may show this page as it was left (the back/forward cache): say so.
    window.addEventListener('pageshow', event => {
      if (event.persisted && ProviderSession.abandoned()) {
        offer('cancelled', null);
      }
    });
  });
}

function otherApp(kind) {
  return h('p', {class: 'hint'}, kind === 'portal'
    ? h('a', {href: BASE}, 'Practitioners: open the practitioner app')
    : h('a', {href: `${BASE}portal/`}, 'Clients and guardians: open the client portal'));
}

/**
 * The page for a person the provider signed in but the directory refuses, in the words of the app it is
 * (`kind`: portal or practitioner); answers false for other problems.
 */
export function refused(root, {kind, problem, onSignOut}) {
  const type = problem instanceof ProblemError ? problem.type : null;
  const text = type && ((kind === 'portal' ? APP_REFUSALS.portal : APP_REFUSALS.practitioner)[type] || REFUSALS[type]);
  if (!text) {
    return false;
  }
  replace(root, h('main', {class: 'signin refused', 'data-refusal': type, 'aria-labelledby': 'refused-title'},
    h('h1', {id: 'refused-title'}, text[0]), h('p', {}, text[1]),
    h('p', {class: 'hint'}, kind === 'portal' ? 'Signing out also ends your sign-in, so someone else can sign in on this device.'
      : 'Signing out also signs you out of your organisation\'s sign-in, so someone else can sign in here.'),
    h('p', {class: 'signin-actions'}, h('button', {type: 'button', class: 'provider-signin', onclick: onSignOut}, 'Sign out'))));
  root.querySelector('button').focus();
  return true;
}

/** The dev login's picker: resolves with a token once a demo user is chosen. */
function devSignIn(main, kind) {
  return new Promise(resolve => {
    const error = h('p', {class: 'error', role: 'alert', hidden: true});
    const list = h('ul', {class: 'demo-users', 'aria-label': 'Demo users'});
    main.append(h('p', {}, 'Development sign-in: choose a demo user.'), list, error, otherApp(kind));
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
