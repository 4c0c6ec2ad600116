// Web addresses typed (or pasted) into the editor become links there, as soon as the word is finished
// and at the latest when the message is sent: the writer sees the link before sending it, and can undo
// it (Ctrl+Z) to keep the plain text. They become the same link format as the toolbar's: Quill's link
// (which refuses other protocols), rendered by the thread with rel="noopener noreferrer" and target
// _blank, and kept by the server's allowlist. Only http and https addresses (and www. ones, as https)
// are taken: javascript:, data: or ftp: text stays text.

const ADDRESS = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]+/gi;
// Punctuation that ends a sentence, not the address ("see https://example.org/care.").
const TRAILING = /[.,;:!?'"\]}>]$/;

/** Links finished addresses as the user types: after a space, a new line or a paste. */
export function linkAsTyped(quill) {
  quill.on('text-change', (delta, old, source) => {
    if (source === 'user' && delta.ops.some(op => typeof op.insert === 'string' && /\s/.test(op.insert))) {
      linkAll(quill, quill.getSelection()?.index);
    }
  });
}

/** Links every address not linked yet, except one the cursor is still in (being typed). */
export function linkAll(quill, cursor = null) {
  let index = 0;
  for (const op of quill.getContents().ops) {
    const text = typeof op.insert === 'string' ? op.insert : null;
    if (text && !op.attributes?.link) {
      for (const match of text.matchAll(ADDRESS)) {
        const address = trimmed(match[0]);
        const start = index + match.index;
        const href = web(address);
        if (href && !(cursor !== null && cursor >= start && cursor <= start + address.length)) {
          quill.formatText(start, address.length, 'link', href, 'api');
        }
      }
    }
    index += text ? text.length : 1;
  }
}

function trimmed(address) {
  let end = address.length;
  while (end > 0) {
    const last = address[end - 1];
    const unbalanced = last === ')' && count(address.slice(0, end), '(') < count(address.slice(0, end), ')');
    if (!TRAILING.test(last) && !unbalanced) {
      break;
    }
    end--;
  }
  return address.slice(0, end);
}

function count(text, character) {
  return text.split(character).length - 1;
}

/** The href for an address: http or https with a host, else null. */
function web(address) {
  const href = /^www\./i.test(address) ? `https://${address}` : address;
  try {
    const url = new URL(href);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? href : null;
  } catch {
    return null;
  }
}
