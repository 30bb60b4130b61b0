import { Link } from 'react-router';
import { PageTitle } from '../ui.jsx';

export default function NotFound() {
  return (
    <section>
      <PageTitle>Nothing here</PageTitle>
      <p>This console has no such screen. <Link to="/catalog">Back to the catalog</Link>.</p>
    </section>
  );
}
