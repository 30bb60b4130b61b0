// API keys (/keys): create (the key shown once), list, revoke. A revoked key is refused
// from the next request on, so revoking the key this console signed in with signs it out.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.js';
import { getKey } from '../keystore.js';
import { ConfirmInline, ErrorLine, Loading, PageTitle } from '../ui.jsx';
import { OnceSecret } from '../builder/OnceSecret.jsx';
import '../builder/builder.css';

/** The API lists each key by its first 12 characters (chalicelib/schemas/api_keys.py). */
const KEY_PREFIX_LENGTH = 12;

export default function KeysPage() {
  const [keys, setKeys] = useState(null);
  const [error, setError] = useState(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState(null);
  const [confirming, setConfirming] = useState(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => api.get('/api-keys').then((list) => setKeys(list.items)).catch(setError), []);
  useEffect(() => { reload(); }, [reload]);

  const create = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = name.trim() ? { name: name.trim() } : {};
      setCreated(await api.post('/api-keys', body));
      setName('');
      await reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (key) => {
    setError(null);
    try {
      await api.del(`/api-keys/${encodeURIComponent(key.id)}`);
      setConfirming(null);
      await reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const mine = getKey().slice(0, KEY_PREFIX_LENGTH);
  return (
    <section className="bpage">
      <PageTitle>API keys</PageTitle>
      <p className="muted">Keys sign requests to the API as this organization. A new key is shown once; revoke one and it is refused from the next request on.</p>
      <ErrorLine error={error} />
      {created && <OnceSecret title={`New API key${created.name ? `: ${created.name}` : ''}`} secret={created.key} what="API key" onDismiss={() => setCreated(null)} />}
      <form className="panel bcreate" onSubmit={create} aria-labelledby="bnewkey-title">
        <h2 id="bnewkey-title">Create a key</h2>
        <label className="bfield">
          <span>Key name (optional)</span>
          <input type="text" value={name} maxLength={120} placeholder="nightly-planner" onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create key'}</button>
      </form>
      <h2>Keys</h2>
      {!keys && !error && <Loading what="keys" />}
      {keys && (
        <div className="scroll">
          <table>
            <caption className="sr-only">API keys of the organization</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Starts with</th><th scope="col">Created</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} data-testid={`key-${key.id}`}>
                  <th scope="row">{key.name || <span className="muted">(no name)</span>}</th>
                  <td><code>{key.prefix}…</code>{mine && key.prefix === mine ? <span className="tag">this console</span> : null}</td>
                  <td>{key.created_at}</td>
                  <td>{key.revoked_at ? `Revoked ${key.revoked_at}` : 'Active'}</td>
                  <td>
                    {!key.revoked_at && confirming !== key.id && (
                      <button type="button" className="danger" onClick={() => setConfirming(key.id)} aria-label={`Revoke key ${key.name || key.prefix}`}>Revoke</button>
                    )}
                    {confirming === key.id && (
                      <ConfirmInline label={`Confirm revoking ${key.name || key.prefix}`} action="Yes, revoke it"
                        note={key.prefix === mine ? 'This is the key this console uses: you will be signed out. ' : 'Requests with it will be refused. '}
                        onConfirm={() => revoke(key)} onCancel={() => setConfirming(null)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
