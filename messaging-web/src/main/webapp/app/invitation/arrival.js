// Who has just signed in, before an app is built around them: an invitation this tab carried is redeemed first,
// then `me` is read (a first sign-in bound once where the server can, binding.js). A refusal the person must see
// (not in the directory, switched off, discharged …) and the other app's role each get a page of their own, and
// the caller builds nothing.
import {BASE} from '../platform/api.js';
import {h, replace} from '../platform/dom.js';
import {refused} from '../platform/session.js';
import {redeemInvitation} from './redeem.js';
import {whoAmI} from './binding.js';

/** `me`, or null when a page took its place (or the session ended: onExpired ran). */
export async function arrive({root, api, kind, onSignOut, onExpired}) {
  await redeemInvitation(root, api, {onSignOut});
  let me;
  try {
    me = await whoAmI(api);
  } catch (problem) {
    if (refused(root, {kind, problem, onSignOut})) {
      return null;
    }
    if (problem.status === 401) {
      await onExpired();
      return null;
    }
    throw problem;
  }
  const portal = kind === 'portal';
  if (portal !== (me.role === 'client')) {
    replace(root, h('main', {class: 'signin'},
      h('h1', {}, portal ? 'This is the client portal' : 'This is the practitioner app'),
      h('p', {}, portal ? 'Practitioners use the practitioner app.' : 'Clients and guardians use the client portal.'),
      h('p', {}, h('a', {href: portal ? BASE : `${BASE}portal/`}, portal ? 'Open the practitioner app' : 'Open the client portal'))));
    return null;
  }
  return me;
}
