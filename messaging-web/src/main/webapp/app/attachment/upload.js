// One file to the server: POST /api/attachments with the raw bytes as the body and the name in
// Content-Disposition (never in the URL: names are PHI). XMLHttpRequest, not fetch, because only it
// reports upload progress; the bearer token comes from the API client's memory, like every call's.
import {BASE, OfflineError, ProblemError} from '../platform/api.js';

/** RFC 5987's attr-char: encodeURIComponent leaves ' ( ) * ! unescaped, which a filename* value may not hold. */
export function dispositionOf(name) {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}

/**
 * Starts the upload of one File; {done: Promise of {id, name, type, size, state}, abort()}. The promise
 * rejects with a ProblemError (the server refused it), an OfflineError (no answer, or 502/503/504: worth
 * trying later) or an AbortError (cancelled).
 */
export function upload(api, file, onProgress = () => {}) {
  const xhr = new XMLHttpRequest();
  const done = new Promise((resolve, reject) => {
    xhr.open('POST', `${BASE}api/attachments`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Content-Disposition', dispositionOf(file.name || 'file'));
    if (api.token) {
      xhr.setRequestHeader('Authorization', `Bearer ${api.token}`);
    }
    xhr.upload.onprogress = event => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.onerror = () => reject(new OfflineError('The server cannot be reached'));
    xhr.onload = () => {
      const json = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(json);
      } else if ([502, 503, 504].includes(xhr.status)) {
        reject(Object.assign(new OfflineError('The server is unavailable'), {status: xhr.status}));
      } else {
        const problem = new ProblemError(xhr.status, json, null);
        if (xhr.status === 401) {
          api.onUnauthorized(problem);
        }
        reject(problem);
      }
    };
    xhr.send(file);
  });
  return {done, abort: () => xhr.abort()};
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** 2.4 MB, 312 KB, 800 bytes: what a person reads, not a byte count. */
export function sizeText(bytes) {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1).replace(/\.0$/, '')} MB`;
  }
  if (bytes >= 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${bytes} bytes`;
}

const KINDS = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/heic': 'HEIC photo',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'text/plain': 'Text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
};

/** "PDF", "Word document", or the media type itself for a type IT added. */
export function kindText(type) {
  return KINDS[type] || type || 'File';
}

/** Types the thread shows as pictures: the ones the server serves inline (?disposition=inline). */
export const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export const SCANNER_DOWN = 'The malware scanner is unavailable, so the file cannot be sent yet. Remove it and try again later.';

/** Why a file was not attached, in plain words, for the error its upload ended with. */
export function reasonText(error, limits) {
  if (error instanceof ProblemError) {
    switch (error.type) {
      case 'attachment-too-large':
        return tooLargeText(limits);
      case 'attachment-type-not-allowed':
        return typeText(limits);
      case 'attachment-infected':
        return 'Refused: malware was found in this file. Don\'t open it or send it again.';
      case 'invalid-file-name':
        return 'Its name cannot be used. Rename the file and try again.';
      case 'rate-limited':
        return 'Too many files at once. Wait a moment and try again.';
      default:
        return error.problem?.title || 'The file could not be attached.';
    }
  }
  if (error instanceof OfflineError) {
    return error.status
      ? 'The server or its malware scanner is unavailable. Try again later.'
      : 'No connection. Try again when you are back online.';
  }
  return 'The file could not be attached.';
}

export function tooManyText(limits) {
  return `A message can carry up to ${limits.perMessage} files. Send the rest in another message.`;
}

export function tooLargeText(limits) {
  return `Too large: files can be up to ${sizeText(limits?.maxBytes || 0)}.`;
}

/** The short names of the allowed types, in a fixed order, for the sentence a refused type gets. */
const SHORT = [['application/pdf', 'PDF'], ['image/png', 'PNG'], ['image/jpeg', 'JPEG'], ['image/heic', 'HEIC'],
  ['image/gif', 'GIF'], ['image/webp', 'WebP'], ['text/plain', 'text'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel'],
  ['application/vnd.oasis.opendocument.text', 'OpenDocument']];

function typeText(limits) {
  const types = new Set(limits?.types || []);
  const known = new Set(SHORT.map(([type]) => type));
  const kinds = [...SHORT.filter(([type]) => types.has(type)).map(([, name]) => name),
    ...[...types].filter(type => !known.has(type))];
  if (!kinds.length) {
    return 'This type of file can\'t be attached.';
  }
  const list = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}` : kinds[0];
  return `This type of file can't be attached. You can attach ${list} files.`;
}
