// Accepting an invitation: the link's code (`#invitation=<code>`, a fragment, so no server log sees it) is
// kept in this tab's sessionStorage only for the trip to the identity provider and back, then taken out and
// redeemed with the verified token. It is a credential, not PHI: it is removed as soon as it is used.
import {ProblemError} from '../platform/api.js';
import {h, replace} from '../platform/dom.js';

const KEY = 'care-messaging.invitation';

/** Why a redemption was refused, as the page that says so puts it. */
const REFUSALS = {
  'invitation-expired': ['This invitation has expired', 'Ask your practice for a new one.'],
  'invitation-revoked': ['This invitation was withdrawn', 'Ask your practice for a new one.'],
  'invitation-used': ['This invitation has already been used',
    'An invitation works once. If you accepted it, sign in as usual; otherwise ask your practice for a new one.'],
  'unknown-invitation': ['This invitation link does not work',
    'Check that you opened the whole link, or ask your practice for a new one.'],
  'invalid-invitation-code': ['This invitation link does not work',
    'Check that you opened the whole link, or ask your practice for a new one.'],
  'subject-in-use': ['Your sign-in already belongs to another account',
    'The invitation cannot be linked to it. Sign out, then open the link again and sign in with the account the invitation is for.'],
  'wrong-role': ['This invitation is for another kind of account',
    'The role your organisation gave you is not the one of the invited account. Ask your practice or IT to check it.'],
  'already-signed-up': ['This account is already set up', 'Sign in as usual.'],
};

/** Keeps the code of an invitation link until the sign-in is done, and cleans it out of the address bar. */
export function keepInvitation() {
  const params = new URLSearchParams(location.hash.slice(1));
  const code = params.get('invitation');
  if (code) {
    sessionStorage.setItem(KEY, code);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(KEY) !== null;
}

/** The kept code, removed from storage: it is used once, whatever the answer. */
function takeInvitation() {
  const code = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  return code;
}

/**
 * Redeems a kept invitation with the signed-in token; resolves once the app may go on (redeemed, none kept,
 * or the person chose to continue after a refusal). A refusal shows a page that says why.
 */
export async function redeemInvitation(root, api, {onSignOut}) {
  const code = takeInvitation();
  if (!code) {
    return;
  }
  try {
    await api.post('invitations/redemption', {code});
  } catch (problem) {
    const text = problem instanceof ProblemError ? REFUSALS[problem.type] : null;
    if (!text) {
      throw problem;
    }
    await new Promise(resolve => {
      replace(root, h('main', {class: 'signin refused invitation-refused', 'aria-labelledby': 'refused-title'},
        h('h1', {id: 'refused-title'}, text[0]), h('p', {}, text[1]),
        h('p', {class: 'signin-actions'},
          h('button', {type: 'button', class: 'provider-signin', onclick: onSignOut}, 'Sign out'),
          h('button', {type: 'button', class: 'secondary continue', onclick: resolve}, 'Continue without it'))));
      root.querySelector('button').focus();
    });
  }
}
