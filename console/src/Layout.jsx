// The frame of every signed-in screen: skip link, navigation, "Signed in as org …", sign out.
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from './session.js';

const SECTIONS = [
  ['/catalog', 'Catalog'],
  ['/runs', 'Runs'],
  ['/builder', 'Builder'],
  ['/triggers', 'Triggers'],
  ['/keys', 'API keys'],
];

/** Sends a visitor without a key to the sign-in screen, then back where they were going. */
export function RequireSession({ children }) {
  const { signedIn } = useSession();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

export default function Layout() {
  const { organization, signOut } = useSession();
  const navigate = useNavigate();
  const onSignOut = () => {
    signOut();
    navigate('/sign-in', { replace: true });
  };
  return (
    <div className="shell">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">JAOT console</span>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map(([to, label]) => (
              <li key={to}><NavLink to={to}>{label}</NavLink></li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span data-testid="signed-in-as">
            Signed in as org <strong>{organization?.name}</strong> <span className="muted">({organization?.id})</span>
          </span>
          <span className="muted credits">{organization?.credits} credits</span>
          <button type="button" onClick={onSignOut}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
