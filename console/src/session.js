// The signed-in organization, for every page (the key itself is kept by keystore.js).
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, UNAUTHORIZED_EVENT } from './api.js';
import { clearSession, getKey, readOrganization, storeSession } from './keystore.js';

const SessionContext = createContext(null);

/** Holds the signed-in organization; signIn checks the key with GET /organization first. */
export function SessionProvider({ children }) {
  const [organization, setOrganization] = useState(() => (getKey() ? readOrganization() : null));

  const signIn = useCallback(async (key) => {
    const trimmed = key.trim();
    const org = await api('/organization', { key: trimmed });
    storeSession(trimmed, org);
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
    storeSession(undefined, org);
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
