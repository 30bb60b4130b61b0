// Versions: a stub the builder work replaces (route registered in src/main.jsx, loaded lazily).
import { PageTitle } from '../ui.jsx';

export default function Page() {
  return (
    <section>
      <PageTitle>Versions</PageTitle>
      <p className="muted">Coming soon.</p>
    </section>
  );
}
