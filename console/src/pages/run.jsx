// Run a model (phase 2 fills this in).
import { PageTitle } from '../ui.jsx';

export default function Page() {
  return (
    <section>
      <PageTitle>Run a model</PageTitle>
    </section>
  );
}
