// The practice admin's words for the client portal: the notice clients read in the composer area, and
// the phone number they are told to call when they may not write. Plain text; the server checks it.
import {h} from '../platform/dom.js';
import {ProblemError} from '../platform/api.js';

const NOTICE_MAX = 300;
const PHONE_MAX = 40;

/** The settings section for an admin, from GET admin/practice/messaging's `portal`. */
export function portalSection(api, portal) {
  const notice = h('textarea', {id: 'portal-notice', rows: '3', maxlength: String(NOTICE_MAX), 'aria-describedby': 'portal-notice-hint'});
  notice.value = portal.notice;
  const phone = h('input', {type: 'tel', id: 'contact-phone', maxlength: String(PHONE_MAX), autocomplete: 'off',
    'aria-describedby': 'contact-phone-hint', value: portal.phone || ''});
  const status = h('p', {class: 'hint', role: 'status'});
  const save = h('button', {type: 'button', class: 'save-portal', onclick: async () => {
    try {
      // The notice is one line: a line break typed in the box becomes a space.
      const saved = await api.put('admin/practice/messaging/portal', {
        notice: notice.value.replace(/\s+/g, ' ').trim() || null, phone: phone.value.trim() || null});
      notice.value = saved.notice;
      phone.value = saved.phone || '';
      status.textContent = 'Saved. Clients see it in the portal now.';
    } catch (e) {
      status.textContent = e instanceof ProblemError ? `Not saved: ${e.message}.` : 'Not saved: the server cannot be reached.';
    }
  }}, 'Save portal texts');
  return h('section', {class: 'setting', 'aria-labelledby': 'portal-title'},
    h('h3', {id: 'portal-title'}, 'Client portal'),
    h('label', {for: 'portal-notice'}, 'Notice under the message box'), notice,
    h('p', {class: 'hint', id: 'portal-notice-hint'},
      `Plain text, up to ${NOTICE_MAX} characters. Leave it empty to use the default notice.`),
    h('label', {for: 'contact-phone'}, 'Phone number for clients who cannot send messages'), phone,
    h('p', {class: 'hint', id: 'contact-phone-hint'},
      'Shown when messaging is off, a client is blocked, or has no conversation. Leave it empty for none.'),
    save, status);
}
