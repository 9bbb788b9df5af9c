const KEY = 'recontact.console.token';

/**
 * The officer's token lives in sessionStorage only: it dies with the tab, is never written to disk
 * by the page and is never sent as a cookie, so no other site can ride on it.
 */
export const sessionToken = {
  get(): string | undefined {
    return sessionStorage.getItem(KEY) ?? undefined;
  },
  set(token: string): void {
    sessionStorage.setItem(KEY, token);
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};
