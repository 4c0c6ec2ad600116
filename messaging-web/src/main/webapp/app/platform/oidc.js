// Signing in at the hospital's identity provider: OpenID Connect, Authorization Code with PKCE (S256),
// the provider found through its discovery document, done by oidc-client-ts. Tokens live in this page's
// memory only; a renewal before expiry swaps them in place; signing out ends the provider's session too.
import {BASE} from './api.js';

const LIBRARY = `${BASE}vendor/oidc-client-ts-3.5.0/oidc-client-ts.js`;

/**
 * What must outlive the redirect to the provider and back: oidc-client-ts's state of one sign-in (the PKCE
 * verifier, the state and the nonce: random values of that attempt, no token, nothing about a person). A
 * page's memory does not survive the trip, so it waits in this tab's sessionStorage under this prefix and is
 * removed when the provider's answer is read, or when the page starts without one (an abandoned sign-in).
 */
const PENDING = 'care-messaging.signin.';
const RETRY_MS = 5000;

let loading;

/** An ID token the library let through but OpenID Connect refuses: another issuer, or not for this app. */
class IdTokenRefused extends Error {}

/** The claims of a JWT, read without checking it: the token came over TLS from the token endpoint itself. */
function claimsOf(jwt) {
  const part = (jwt ?? '').split('.')[1] ?? '';
  const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** The library, added as a script of this origin the first time it is needed (the dev login never needs it). */
function library() {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = LIBRARY;
    script.onload = () => resolve(window.oidc);
    script.onerror = () => reject(new TypeError('The sign-in library cannot be loaded'));
    document.head.append(script);
  });
  return loading;
}

export class ProviderSession {
  static async create(kind, signIn, home) {
    return new ProviderSession(await library(), kind, signIn, home);
  }

  constructor(oidc, kind, signIn, home) {
    this.oidc = oidc;
    this.home = new URL(home, location.href).href;
    this.clientId = kind === 'portal' ? signIn.portalClientId : signIn.practitionerClientId;
    this.manager = new oidc.UserManager({
      authority: signIn.issuer,
      client_id: this.clientId,
      redirect_uri: this.home,
      post_logout_redirect_uri: this.home,
      response_type: 'code',
      // In the fragment the one-time code never reaches a server or its logs; the app removes it at once.
      response_mode: 'fragment',
      scope: signIn.scope,
      userStore: new oidc.WebStorageStateStore({store: new oidc.InMemoryWebStorage()}),
      stateStore: new oidc.WebStorageStateStore({prefix: PENDING, store: sessionStorage}),
      automaticSilentRenew: false,
      monitorSession: false,
      loadUserInfo: false,
    });
    this.user = null;
    this.onRenewed = () => {};
    this.onLapsed = () => {};
  }

  get token() {
    return this.user?.access_token ?? null;
  }

  /** Whether this page is the provider's answer (a code or an error, with the state it was sent). */
  static answered() {
    const params = new URLSearchParams(location.hash.slice(1));
    return params.has('state') && (params.has('code') || params.has('error'));
  }

  /** Forgets a sign-in that never came back; answers whether there was one (it was cancelled or abandoned). */
  static abandoned() {
    const keys = Object.keys(sessionStorage).filter(key => key.startsWith(PENDING));
    keys.forEach(key => sessionStorage.removeItem(key));
    return keys.length > 0;
  }

  /**
   * Leaves for the provider's sign-in page. oidc-client-ts 3.5 sends a nonce (and checks the ID token's) only
   * when it is given one: a fresh random one per sign-in, kept with the state.
   */
  begin() {
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    return this.manager.signinRedirect({nonce});
  }

  /**
   * Reads the provider's answer: the state must be one this tab sent (and it is used up), the code is
   * exchanged with its PKCE verifier, the ID token's nonce must match. The address bar is cleaned first.
   */
  async complete() {
    const answer = location.href;
    history.replaceState(null, '', location.pathname);
    try {
      this.accept(await this.checked(await this.manager.signinRedirectCallback(answer)));
    } finally {
      ProviderSession.abandoned();
    }
  }

  /**
   * What oidc-client-ts 3.5 does not check of the ID token (it checks the nonce and that there is a subject):
   * its issuer is the provider's of the discovery document, and it was issued to this app (OpenID Connect
   * Core 3.1.3.7). A token that fails is forgotten before anything uses it.
   */
  async checked(user) {
    let claims;
    try {
      claims = claimsOf(user.id_token);
    } catch {
      claims = null;
    }
    const audiences = [claims?.aud].flat();
    const issuer = await this.manager.metadataService.getIssuer();
    if (!claims || claims.iss !== issuer || !audiences.includes(this.clientId)
        || (audiences.length > 1 && claims.azp !== this.clientId)) {
      await this.manager.removeUser().catch(() => {});
      throw new IdTokenRefused('The ID token is not from this provider for this app');
    }
    return user;
  }

  accept(user) {
    this.user = user;
    this.lifetime = Math.max(1, user.expires_in ?? 0);
    this.schedule(user.expires_in ?? 0);
  }

  /** Renews when what is left of the token is half its lifetime, or a minute for long-lived tokens. */
  schedule(remaining) {
    clearTimeout(this.renewal);
    const ahead = Math.min(60, this.lifetime / 2);
    this.renewal = setTimeout(() => this.renew(), Math.max(0, remaining - ahead) * 1000);
  }

  /** The refresh token buys a new access token; the provider refusing it (its session ended) is the end. */
  async renew() {
    try {
      this.accept(await this.checked(await this.manager.signinSilent()));
      this.onRenewed(this.token);
    } catch (error) {
      const left = this.user?.expires_in ?? 0;
      if (error instanceof this.oidc.ErrorResponse || error instanceof IdTokenRefused || left <= 0 || !this.user?.refresh_token) {
        this.onLapsed();
      } else {
        clearTimeout(this.renewal);
        this.renewal = setTimeout(() => this.renew(), Math.min(RETRY_MS, left * 1000));
      }
    }
  }

  /**
   * Signs out at the provider too (RP-initiated logout), which comes back to this app's address with the
   * reason as the state; without the provider (unreachable), this page alone signs out.
   */
  async end(reason) {
    clearTimeout(this.renewal);
    const idToken = this.user?.id_token;
    this.user = null;
    await this.manager.removeUser().catch(() => {});
    let endpoint = null;
    try {
      endpoint = idToken ? await this.manager.metadataService.getEndSessionEndpoint() : null;
    } catch {
      endpoint = null;
    }
    if (!endpoint) {
      location.replace(`${this.home}?signedout=${encodeURIComponent(reason)}`);
      return;
    }
    const logout = new URL(endpoint);
    logout.searchParams.set('client_id', this.clientId);
    logout.searchParams.set('id_token_hint', idToken);
    logout.searchParams.set('post_logout_redirect_uri', this.home);
    logout.searchParams.set('state', reason);
    location.replace(logout.href);
  }

  /** What to tell the user about a sign-in that did not work; no token, code or name ever appears in it. */
  failure(error) {
    if (error instanceof this.oidc.ErrorResponse) {
      if (error.error === 'access_denied') {
        return 'Signing in was cancelled.';
      }
      // The provider refused the code: used before (a replayed answer) or expired.
      return error.error === 'invalid_grant'
        ? 'This sign-in was already used or has expired. Nothing was kept; sign in again.'
        : `Your organisation's sign-in did not complete (${error.error}).`;
    }
    if (error instanceof IdTokenRefused) {
      return 'This sign-in did not come from your organisation\'s sign-in for this app. Nothing was kept.';
    }
    if (error instanceof TypeError) {
      return 'The sign-in service cannot be reached. Check the connection and try again.';
    }
    return 'This sign-in could not be checked: it did not start on this page, or it was already used. Nothing was kept.';
  }
}
