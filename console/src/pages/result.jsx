// Result (phase 2 fills this in).
import { PageTitle } from '../ui.jsx';

export default function Page() {
  return (
    <section>
      <PageTitle>Result</PageTitle>
    </section>
  );
}
