// The browser's second line of defence: the server already sanitized every message
// (conversation.control.RichText); this renders only what that same allowlist keeps, so a message
// that somehow holds script, event handlers or javascript: links shows as harmless text and formatting.
import DOMPurify from '../../vendor/dompurify-3.3.3/purify.es.mjs';

export const ALLOWED_TAGS = ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ol', 'ul', 'li', 'blockquote', 'code', 'a'];

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', node => {
  if (node.nodeName === 'A') {
    if (node.hasAttribute('href')) {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    }
  }
});

const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

/** A fragment holding only allowlisted markup; never a string that something could assign to innerHTML. */
export function renderMessage(html) {
  return purifier.sanitize(html ?? '', CONFIG);
}
