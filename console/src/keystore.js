// The API key and the signed-in organization, in sessionStorage only: never in a URL, a
// cookie or localStorage. Gone when the tab closes; sign-out removes them at once.
const KEY_ITEM = 'jaot.api_key';
const ORG_ITEM = 'jaot.organization';

export function getKey() {
  return window.sessionStorage.getItem(KEY_ITEM) || '';
}

export function readOrganization() {
  try {
    return JSON.parse(window.sessionStorage.getItem(ORG_ITEM) || 'null');
  } catch {
    return null;
  }
}

export function storeSession(key, organization) {
  if (key !== undefined) window.sessionStorage.setItem(KEY_ITEM, key);
  window.sessionStorage.setItem(ORG_ITEM, JSON.stringify(organization));
}

export function clearSession() {
  window.sessionStorage.removeItem(KEY_ITEM);
  window.sessionStorage.removeItem(ORG_ITEM);
}
