// An account's invitation for the practice's admin, wherever an account that has not signed up is shown (a
// client's or guardian's portal account, a practitioner or admin): its state, and inviting, revoking, sending
// a new one. The link to hand over is shown once, when it is made: the server keeps only the code's hash.
import {BASE} from '../platform/api.js';
import {problemText} from '../platform/dialog.js';
import {announce, h, replace} from '../platform/dom.js';

const DATE = new Intl.DateTimeFormat(undefined, {day: 'numeric', month: 'short', year: 'numeric'});

/** Fills (or refreshes) the `.invitation` part of item for account a ({id, displayName}); made is a fresh invitation. */
export async function invitation(api, item, a, made = null) {
  const path = `admin/accounts/${a.id}/invitation`;
  const part = item.querySelector('.invitation') ?? item.appendChild(h('div', {class: 'invitation'}));
  const note = h('p', {class: 'hint', role: 'status'});
  let current = made;
  if (!current) {
    try {
      current = await api.get(path);
    } catch (e) {
      current = null;
    }
  }
  const act = (label, cls, work) => h('button', {type: 'button', class: cls, onclick: async () => {
    try {
      await work();
    } catch (e) {
      note.className = 'error';
      note.textContent = problemText(e);
    }
  }}, label);
  const invite = async () => {
    const fresh = await api.post(path);
    await invitation(api, item, a, fresh);
    item.querySelector('.invitation-link input')?.focus();
    announce(`Invitation for ${a.displayName} ready to copy`);
  };
  const state = !current ? null : current.expired
    ? h('p', {class: 'invitation-state'}, h('span', {class: 'tag off'}, 'Invitation expired'), ` on ${DATE.format(new Date(current.expiresAt))}`)
    : h('p', {class: 'invitation-state'}, h('span', {class: 'tag waiting'}, 'Invited'), `, expires ${DATE.format(new Date(current.expiresAt))}`);
  const actions = h('p', {class: 'invitation-actions'}, ...(current
    ? [act('Send a new invitation', 'invite resend', invite),
      current.expired ? null : act('Revoke', 'secondary revoke', async () => {
        await api.delete(path);
        await invitation(api, item, a);
        announce(`Invitation for ${a.displayName} revoked`);
      })]
    : [act('Invite', 'invite', invite)]));
  replace(part, state, current?.code ? invitationLink(a, current) : null, actions, note);
}

/** The link to hand over, shown once (only the code's hash is kept), with a copy button. */
function invitationLink(a, made) {
  const home = made.app === 'portal' ? `${BASE}portal/` : BASE;
  const link = `${location.origin}${home}#invitation=${made.code}`;
  const id = `invitation-${a.id}`;
  const input = h('input', {type: 'text', id, readonly: true, value: link, spellcheck: 'false', 'aria-describedby': `${id}-hint`});
  const copied = h('span', {class: 'hint', role: 'status'});
  return h('div', {class: 'invitation-link'},
    h('label', {for: id}, `Invitation link for ${a.displayName}`),
    h('div', {class: 'inline-field'}, input, h('button', {type: 'button', class: 'copy', onclick: async () => {
      input.select();
      try {
        await navigator.clipboard.writeText(link);
        copied.textContent = 'Copied';
      } catch {
        copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy';
      }
    }}, 'Copy link')), copied,
    h('p', {class: 'hint', id: `${id}-hint`}, `Give this link to ${a.displayName} yourself. It works once, until `
      + `${DATE.format(new Date(made.expiresAt))}, and is shown only now: sending a new invitation makes a new link.`));
}
