/**
 * The signed-in session: the access token, when it expires, and the person's name for
 * X-On-Behalf-Of. Kept in sessionStorage so a reload keeps the user signed in within the tab; the
 * client secret never reaches it (it is used once, for the token request, and dropped).
 */
import { useSyncExternalStore } from 'react';

export interface Session {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly clientId: string;
  readonly actorName: string;
  /** The accounts the signed-in credential reaches (`*` = every account), from the token's claims. */
  readonly accounts: readonly string[];
  readonly roles: readonly string[];
}

export type SignedOutReason = 'expired' | 'signed-out';

const STORAGE_KEY = 'keyring.session';
const listeners = new Set<() => void>();
let current: Session | null = restore();
let lastSignOut: SignedOutReason | null = null;
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function restore(): Session | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return stored && stored.expiresAt > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

function publish(): void {
  clearTimeout(expiryTimer);
  if (current) {
    const left = current.expiresAt - Date.now();
    expiryTimer = setTimeout(() => endSession('expired'), Math.min(Math.max(left, 0), 2 ** 31 - 1));
  }
  for (const listener of listeners) listener();
}

export function startSession(session: Session): void {
  current = session;
  lastSignOut = null;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  publish();
}

export function endSession(reason: SignedOutReason): void {
  if (!current) return;
  current = null;
  lastSignOut = reason;
  sessionStorage.removeItem(STORAGE_KEY);
  publish();
}

export const currentSession = (): Session | null => current;
export const signedOutReason = (): SignedOutReason | null => lastSignOut;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useSession = (): Session | null => useSyncExternalStore(subscribe, currentSession);

/** Whether the session reaches every account. */
export const reachesEveryAccount = (session: Session): boolean => session.accounts.includes('*');

if (current) publish();
