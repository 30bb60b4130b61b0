// Catalog: the models an organization can activate (GET /models/catalog).
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { ErrorLine, Loading, PageTitle } from '../ui.jsx';

export default function Catalog() {
  const [entries, setEntries] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api.get('/models/catalog', { query: { page_size: 100 } }).then((page) => setEntries(page.items), setError);
  }, []);
  return (
    <section>
      <PageTitle>Catalog</PageTitle>
      <ErrorLine error={error} />
      {!entries && !error && <Loading what="the catalog" />}
      {entries && (
        <ul className="cards" aria-label="Catalog models">
          {entries.map((entry) => (
            <li key={entry.id} className="card"><h2>{entry.name}</h2><p>{entry.description}</p></li>
          ))}
        </ul>
      )}
    </section>
  );
}
