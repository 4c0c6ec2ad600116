// The user's event stream: a WebSocket when it can connect, otherwise long polling of /api/events.
// Both serve the same stream; events are handed on once each, in cursor order, whichever brought them.
// The status shown follows what the connection really does: a socket that stayed open through a short
// network drop is live again when the browser says it is online, and so is one that just carried a frame.
import {BASE, OfflineError, ProblemError} from '../platform/api.js';

const SOCKET_FAILURES_BEFORE_POLLING = 2;
const SOCKET_RETRY_WHILE_POLLING_MS = 30000;
const HEALTHY_SOCKET_MS = 3000;

export class Realtime {
  /**
   * onEvents(events) gets new events in order; onResync() means: reload state (the cursor was too old);
   * onStatus(status) gets 'connecting' | 'live' | 'polling' | 'offline'; onEnded(reason) when the
   * server says this session is over ('expired' | 'disabled').
   */
  constructor(api, {onEvents, onResync, onStatus, onEnded}) {
    this.api = api;
    this.onEvents = onEvents;
    this.onResync = onResync;
    this.onStatus = onStatus;
    this.onEnded = onEnded;
    this.cursor = 0;
    this.failures = 0;
    this.status = null;
    this.stopped = false;
    this.socket = null;
    this.polling = false;
    this.pollRun = 0;
    this.connecting = false;
    this.online = () => this.reconnectNow();
    this.offline = () => this.setStatus('offline');
  }

  start(cursor) {
    this.cursor = cursor;
    window.addEventListener('online', this.online);
    window.addEventListener('offline', this.offline);
    this.connect();
  }

  /** Stops for good; resolves once the socket has closed (or after a second, whichever comes first). */
  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.online);
    window.removeEventListener('offline', this.offline);
    clearTimeout(this.retry);
    this.pollAbort?.abort();
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.readyState === WebSocket.CLOSED) {
      return Promise.resolve();
    }
    return new Promise(resolve => {
      socket.onclose = () => resolve();
      setTimeout(resolve, 1000);
      socket.close(1000, 'signed out');
    });
  }

  setStatus(status) {
    if (this.status !== status) {
      this.status = status;
      this.onStatus(status);
    }
  }

  /**
   * The browser says the network is back. A socket still open (a short drop rarely closes one) is live
   * as it is; otherwise try the socket again at once, and poll meanwhile.
   */
  reconnectNow() {
    if (this.stopped) {
      return;
    }
    this.failures = 0;
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.setStatus('live');
      return;
    }
    clearTimeout(this.retry);
    if (!this.socket) {
      this.connect();
    }
  }

  /**
   * The session's token was renewed: the server closes a socket when the token that opened it expires
   * (4401), so a socket is opened with a ticket of the new token, from the cursor, and the old one is closed
   * once it is live. Frames the two both bring are handed on once (receive() skips what the cursor passed).
   * Polling needs nothing: its next request carries the new token.
   */
  renew() {
    const old = this.socket;
    if (this.stopped || !old || old.readyState !== WebSocket.OPEN) {
      return;
    }
    old.onclose = null;
    this.socket = null;
    this.connect({quiet: true, replacing: old});
  }

  async connect({quiet = false, replacing = null} = {}) {
    // One attempt at a time: the online event and a retry timer may both call while a ticket is on its way.
    if (this.stopped || this.socket || this.connecting) {
      replacing?.close(1000, 'replaced');
      return;
    }
    if (!quiet && this.status !== 'polling') {
      this.setStatus('connecting');
    }
    let ticket;
    this.connecting = true;
    try {
      ({ticket} = await this.api.post('realtime/tickets', {}));
    } catch (error) {
      replacing?.close(1000, 'replaced');
      if (error instanceof ProblemError && error.status === 401) {
        return; // the session is over; the app signs out
      }
      this.setStatus('offline');
      this.startPolling();
      this.later(() => this.connect(), 5000);
      return;
    } finally {
      this.connecting = false;
    }
    if (this.stopped || this.socket) {
      replacing?.close(1000, 'replaced');
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}${BASE}ws?ticket=${encodeURIComponent(ticket)}&after=${this.cursor}`);
    this.socket = socket;
    let opened = 0;
    let frames = 0;
    socket.onopen = () => {
      opened = Date.now();
      replacing?.close(1000, 'replaced');
      this.setStatus('live');
      this.stopPolling();
    };
    socket.onmessage = message => {
      frames++;
      if (this.socket === socket) {
        this.setStatus('live'); // whatever the browser said about the network, this frame came through
      }
      this.receive(JSON.parse(message.data));
    };
    socket.onclose = close => {
      replacing?.close(1000, 'replaced');
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      if (this.stopped) {
        return;
      }
      if (close.code === 4401) {
        this.onEnded('expired');
        return;
      }
      if (close.code === 1008) {
        this.onEnded('disabled');
        return;
      }
      const healthy = opened && (frames > 0 || Date.now() - opened >= HEALTHY_SOCKET_MS);
      this.failures = healthy ? 0 : this.failures + 1;
      if (this.failures >= SOCKET_FAILURES_BEFORE_POLLING) {
        // The socket cannot get through (a proxy, a firewall): poll, and try the socket now and then.
        this.startPolling();
        this.later(() => this.connect(), SOCKET_RETRY_WHILE_POLLING_MS);
      } else {
        if (!navigator.onLine) {
          this.setStatus('offline');
        }
        this.startPolling();
        this.later(() => this.connect(), healthy ? 250 : 1000);
      }
    };
  }

  later(action, ms) {
    clearTimeout(this.retry);
    this.retry = setTimeout(action, ms);
  }

  async startPolling() {
    if (this.polling || this.stopped) {
      return;
    }
    this.polling = true;
    // A loop left waiting out its backoff when polling stopped must not come back to life beside a new
    // one (and say "polling" or "offline" while the socket is live): each run knows its number.
    const run = ++this.pollRun;
    const current = () => this.polling && this.pollRun === run && !this.stopped;
    let backoff = 1000;
    while (current()) {
      this.pollAbort = new AbortController();
      try {
        const page = await this.api.get(`events?after=${this.cursor}&wait=25`, {signal: this.pollAbort.signal});
        if (!current()) {
          break;
        }
        this.setStatus('polling');
        backoff = 1000;
        this.receive(page);
      } catch (error) {
        if (error.name === 'AbortError') {
          break;
        }
        if (error instanceof ProblemError && error.status === 401) {
          break;
        }
        if (!current()) {
          break;
        }
        this.setStatus(error instanceof OfflineError ? 'offline' : 'polling');
        await new Promise(resolve => setTimeout(resolve, backoff));
        backoff = Math.min(backoff * 2, 30000);
      }
    }
    if (this.pollRun === run) {
      this.polling = false;
    }
  }

  stopPolling() {
    this.polling = false;
    this.pollRun++;
    this.pollAbort?.abort();
  }

  /** One page or frame: {events, cursor, resync}. Anything at or before our cursor was handed on already. */
  receive(page) {
    if (page.resync) {
      this.cursor = page.cursor;
      this.onResync();
      return;
    }
    const fresh = page.events.filter(event => event.cursor > this.cursor);
    if (page.cursor > this.cursor) {
      this.cursor = page.cursor;
    }
    if (fresh.length) {
      this.onEvents(fresh);
    }
  }
}
