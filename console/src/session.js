// The API key lives in sessionStorage only: never in a URL, a cookie or localStorage.
// It is gone when the tab closes; sign-out removes it at once.
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, UNAUTHORIZED_EVENT } from './api.js';

const KEY_ITEM = 'jaot.api_key';
const ORG_ITEM = 'jaot.organization';

export function getKey() {
  return window.sessionStorage.getItem(KEY_ITEM) || '';
}

function readOrganization() {
  try {
    return JSON.parse(window.sessionStorage.getItem(ORG_ITEM) || 'null');
  } catch {
    return null;
  }
}

export function clearSession() {
  window.sessionStorage.removeItem(KEY_ITEM);
  window.sessionStorage.removeItem(ORG_ITEM);
}

const SessionContext = createContext(null);

/** Holds the signed-in organization; signIn checks the key with GET /organization first. */
export function SessionProvider({ children }) {
  const [organization, setOrganization] = useState(() => (getKey() ? readOrganization() : null));

  const signIn = useCallback(async (key) => {
    const trimmed = key.trim();
    const org = await api('/organization', { key: trimmed });
    window.sessionStorage.setItem(KEY_ITEM, trimmed);
    window.sessionStorage.setItem(ORG_ITEM, JSON.stringify(org));
    setOrganization(org);
    return org;
  }, []);

  const signOut = useCallback(() => {
    clearSession();
    setOrganization(null);
  }, []);

  /** Re-reads the organization (its credit balance changes with every run). */
  const refresh = useCallback(async () => {
    const org = await api('/organization');
    window.sessionStorage.setItem(ORG_ITEM, JSON.stringify(org));
    setOrganization(org);
    return org;
  }, []);

  useEffect(() => {
    // A revoked or expired key: the API answered 401, the console signs out.
    const onUnauthorized = () => signOut();
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [signOut]);

  const value = useMemo(() => ({ organization, signedIn: Boolean(organization), signIn, signOut, refresh }),
    [organization, signIn, signOut, refresh]);
  return createElement(SessionContext.Provider, { value }, children);
}

/** { organization, signedIn, signIn(key), signOut(), refresh() } */
export function useSession() {
  return useContext(SessionContext);
}
