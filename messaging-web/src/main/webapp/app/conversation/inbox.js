// The caller's conversations in one folder, as the list shows them: loaded a page at a time and kept
// current from events by refreshing only the conversations they name. The shell shows what it holds.

const FEW = 5;

export class Inbox {
  constructor(api, {onChange}) {
    this.api = api;
    this.onChange = onChange;
    this.items = [];
    this.folder = 'inbox';
    this.complete = false;
    this.changed = new Set();
    this.fullReload = false;
  }

  find(id) {
    return this.items.find(c => c.id === id);
  }

  get unreadTotal() {
    return this.items.reduce((sum, c) => sum + (c.unreadCount || 0), 0);
  }

  /** The first page of the folder (at least as many rows as are shown now, so nothing shown drops off). */
  async load() {
    const limit = Math.min(200, Math.max(50, this.items.length));
    const page = await this.api.get(`conversations?folder=${this.folder}&limit=${limit}`);
    this.items = page.items;
    this.complete = !page.nextCursor;
    this.onChange();
  }

  showFolder(folder) {
    this.folder = folder;
    this.items = [];
    return this.load();
  }

  /** A conversation shown although it is not on the loaded page (found by search, in either folder). */
  async include(id) {
    if (!this.find(id)) {
      this.items = [await this.api.get(`conversations/${id}`), ...this.items];
    }
  }

  /** Patches one row in place (its unread count, the counterpart's presence) without asking the server. */
  patch(id, change) {
    const c = this.find(id);
    if (c) {
      change(c);
      this.onChange();
    }
    return c;
  }

  /**
   * Refreshes shortly (events come in bursts): only the conversations named (one GET each, merged in
   * place), or the whole first page when none are named or many changed at once.
   */
  refreshSoon(ids) {
    if (ids) {
      ids.forEach(id => this.changed.add(id));
    } else {
      this.fullReload = true;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refreshChanged().catch(() => this.load().catch(() => {})), 100);
  }

  async refreshChanged() {
    const ids = [...this.changed];
    const full = this.fullReload || ids.length > FEW;
    this.changed.clear();
    this.fullReload = false;
    if (full) {
      await this.load();
      return;
    }
    const folder = this.folder;
    const summaries = await Promise.all(ids.map(id => this.api.get(`conversations/${id}`)
      .catch(e => (e.status === 404 ? {id, gone: true} : Promise.reject(e)))));
    if (folder === this.folder) {
      this.items = merged(this.items, summaries, folder, this.complete);
      this.onChange();
    }
  }
}

/**
 * The list after some conversations changed: each fresh summary replaces its row and takes its place in
 * the activity order, or leaves when it is no longer in this folder ({gone: true}: no longer the caller's
 * to see). One the list did not hold joins it only if the list holds everything, or if it sorts before
 * the last row loaded; otherwise it belongs to a page not loaded yet.
 */
export function merged(conversations, summaries, folder, complete) {
  const fresh = new Set(summaries.map(s => s.id));
  const kept = conversations.filter(c => !fresh.has(c.id));
  const last = conversations[conversations.length - 1];
  for (const s of summaries) {
    if (s.gone || Boolean(s.archived) !== (folder === 'archive')) {
      continue;
    }
    if (complete || !last || conversations.some(c => c.id === s.id) || newer(s, last)) {
      kept.push(s);
    }
  }
  return kept.sort((a, b) => (newer(a, b) ? -1 : newer(b, a) ? 1 : 0));
}

/** The server's order: last activity, newest first, then the id, greatest first. */
function newer(a, b) {
  const at = Date.parse(a.lastActivityAt) - Date.parse(b.lastActivityAt);
  return at !== 0 ? at > 0 : a.id > b.id;
}
