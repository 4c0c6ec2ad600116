// What the portal tells a client the practice set for them: the notice in the composer area, and what to
// do instead of writing when they may not (the practice's phone number, as a link a phone can call).
import {h} from '../platform/dom.js';

/** "To reach Riverside Therapy, call 555-0100." (or, without a number, to contact the practice directly). */
export function insteadOfWriting(practice) {
  const name = practice?.name || 'the practice';
  if (!practice?.contactPhone) {
    return [`To reach ${name}, please contact the practice directly.`];
  }
  const dial = practice.contactPhone.replace(/(?:ext\.?|x).*$/, '').replace(/[^0-9+]/g, '');
  return [`To reach ${name}, call `, h('a', {class: 'contact-phone', href: `tel:${dial}`}, practice.contactPhone), '.'];
}

