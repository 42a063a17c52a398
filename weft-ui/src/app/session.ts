/**
 * The API token of this browser tab (sessionStorage: gone when the tab closes) and who wants to know
 * when the server asks for one (a 401: no token, an expired or a revoked one).
 */
const KEY = "weft.token";
type Listener = () => void;
const listeners = new Set<Listener>();
let loginRequired = false;

function notify() {
  for (const l of listeners) l();
}

export const session = {
  token(): string | null {
    return sessionStorage.getItem(KEY);
  },
  /** Keeps a token for the tab and leaves the login page. */
  signIn(token: string) {
    sessionStorage.setItem(KEY, token);
    loginRequired = false;
    notify();
  },
  /** The server answered 401: forget the token and show the login page. */
  unauthorized() {
    sessionStorage.removeItem(KEY);
    if (!loginRequired) {
      loginRequired = true;
      notify();
    }
  },
  signOut() {
    sessionStorage.removeItem(KEY);
    loginRequired = true;
    notify();
  },
  loginRequired(): boolean {
    return loginRequired;
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  /** For tests: back to a fresh tab. */
  reset() {
    sessionStorage.removeItem(KEY);
    loginRequired = false;
    notify();
  },
};
