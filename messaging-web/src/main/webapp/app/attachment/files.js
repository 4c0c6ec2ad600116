// A message's files in the thread: pictures as thumbnails that open larger in a dialog, every other file
// as a card (name, kind, size) that downloads. The bytes come by fetch with the bearer token (an <img src>
// or a link could not send it) and are shown or saved through blob: URLs. Names are always text.
import {BASE, ProblemError} from '../platform/api.js';
import {h} from '../platform/dom.js';
import {INLINE_IMAGES, kindText, sizeText} from './upload.js';

/** id → Promise of a blob: URL of the picture, fetched once per page (re-renders reuse it). */
const pictures = new Map();

/** The list of a message's files, or null when it has none. */
export function attachmentList(api, files) {
  if (!files?.length) {
    return null;
  }
  return h('ul', {class: 'attachments', 'aria-label': files.length === 1 ? 'Attached file' : `${files.length} attached files`},
    ...files.map(file => h('li', {}, INLINE_IMAGES.has(file.type) ? thumbnail(api, file) : card(api, file))));
}

/** The signature of a message's files for the keyed re-render: a node is rebuilt when they change. */
export function filesSignature(files) {
  return (files || []).map(f => f.id).join(',');
}

async function fetchBlob(api, file, inline) {
  const response = await fetch(`${BASE}api/attachments/${encodeURIComponent(file.id)}${inline ? '?disposition=inline' : ''}`, {
    headers: api.token ? {Authorization: `Bearer ${api.token}`} : {}, cache: 'no-store', credentials: 'omit',
  });
  if (!response.ok) {
    const problem = new ProblemError(response.status, await response.json().catch(() => null), response.headers);
    if (response.status === 401) {
      api.onUnauthorized(problem);
    }
    throw problem;
  }
  return response.blob();
}

function picture(api, file) {
  if (!pictures.has(file.id)) {
    const url = fetchBlob(api, file, true).then(blob => URL.createObjectURL(blob));
    url.catch(() => pictures.delete(file.id)); // a later render tries again
    pictures.set(file.id, url);
  }
  return pictures.get(file.id);
}

function thumbnail(api, file) {
  const img = h('img', {alt: file.name, class: 'attachment-thumb'});
  const status = h('span', {class: 'attachment-status'}, 'Loading…');
  const button = h('button', {type: 'button', class: 'attachment-image', 'aria-label': `Open the picture ${file.name}`,
    title: file.name, onclick: () => picture(api, file).then(url => viewer(file, url), () => {})}, img, status);
  picture(api, file).then(url => {
    img.src = url;
    status.remove();
  }, error => {
    status.textContent = failureText(error);
  });
  return button;
}

function card(api, file) {
  const status = h('span', {class: 'attachment-status', role: 'status'});
  return h('button', {type: 'button', class: 'attachment-card', title: `Download ${file.name}`, onclick: async () => {
    status.textContent = 'Downloading…';
    try {
      save(await fetchBlob(api, file, false), file.name);
      status.textContent = '';
    } catch (error) {
      status.textContent = failureText(error);
    }
  }},
  h('span', {class: 'attachment-icon', 'aria-hidden': 'true'}, '📄'),
  h('span', {class: 'attachment-text'},
    h('span', {class: 'attachment-name'}, file.name),
    h('span', {class: 'attachment-detail'}, `${kindText(file.type)} · ${sizeText(file.size)}`),
    status));
}

/** Hands the bytes to the browser as a download (a temporary <a download> on a blob: URL). */
function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', {href: url, download: name, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function failureText(error) {
  if (error instanceof ProblemError && error.type === 'attachment-not-scanned') {
    return 'Still being checked for malware. Try again later.';
  }
  return error instanceof ProblemError && error.status === 404 ? 'This file is no longer available.'
    : 'Could not load the file. Try again.';
}

/** The picture larger, in a modal dialog (Escape or Close closes it; focus goes back to the thumbnail). */
function viewer(file, url) {
  const dialog = h('dialog', {class: 'picture-viewer', 'aria-label': file.name, onclose: () => dialog.remove()},
    h('div', {class: 'picture-viewer-head'},
      h('span', {class: 'attachment-name'}, file.name),
      h('button', {type: 'button', class: 'secondary', onclick: () => dialog.close()}, 'Close')),
    h('img', {src: url, alt: file.name}));
  dialog.addEventListener('click', event => event.target === dialog && dialog.close());
  document.body.append(dialog);
  dialog.showModal();
}

/** A pending message's files: named, not yet openable (they open once the message is sent). */
export function pendingList(files) {
  if (!files?.length) {
    return null;
  }
  return h('ul', {class: 'attachments pending', 'aria-label': 'Attached files'}, ...files.map(file => h('li', {},
    h('span', {class: 'attachment-card'}, h('span', {class: 'attachment-icon', 'aria-hidden': 'true'}, '📎'),
      h('span', {class: 'attachment-text'}, h('span', {class: 'attachment-name'}, file.name),
        h('span', {class: 'attachment-detail'}, `${kindText(file.type)} · ${sizeText(file.size)}`))))));
}
