// Sign in with an API key: checked with GET /organization before it is kept (sessionStorage).
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from '../session.js';
import { ErrorLine, PageTitle } from '../ui.jsx';

export default function SignIn() {
  const { signedIn, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [key, setKey] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const next = location.state?.from && location.state.from !== '/sign-in' ? location.state.from : '/catalog';

  if (signedIn && !busy) return <Navigate to={next} replace />;

  const onSubmit = async (event) => {
    event.preventDefault();
    if (!key.trim()) {
      setError('Enter an API key.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(key);
      navigate(next, { replace: true });
    } catch (failure) {
      setError(failure.status === 401 ? 'That API key was not accepted: check it and try again.' : failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      <PageTitle>Sign in to the JAOT console</PageTitle>
      <p className="muted">
        Use an API key of your organization. It is kept in this tab only (session storage) and sent to the
        API in the Authorization header; closing the tab or signing out forgets it.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="api-key">API key</label>
        <input id="api-key" name="api-key" type="password" autoComplete="off" spellCheck="false"
          value={key} onChange={(event) => setKey(event.target.value)} aria-describedby="api-key-error"
          aria-invalid={Boolean(error)} />
        <div id="api-key-error"><ErrorLine error={error} /></div>
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
