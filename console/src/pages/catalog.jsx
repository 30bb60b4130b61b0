// Catalog: browse, search and filter the models an organization can activate; activating
// gives the organization its own model (exe_…), which the Run screen executes.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api.js';
import { ErrorLine, Loading, PageTitle } from '../ui.jsx';

const PAGE_SIZE = 12;

export default function Catalog() {
  const [params, setParams] = useSearchParams();
  const search = params.get('search') || '';
  const category = params.get('category') || '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [typed, setTyped] = useState(search);
  const [result, setResult] = useState(null);
  const [categories, setCategories] = useState([]);
  const [activated, setActivated] = useState({}); // catalog id -> organization model id
  const [error, setError] = useState(null);
  const [activating, setActivating] = useState('');
  const [activateError, setActivateError] = useState({});

  useEffect(() => {
    api.get('/models/catalog', { query: { page_size: 100 } })
      .then((all) => setCategories([...new Set(all.items.map((entry) => entry.category))].sort()), () => {});
    api.get('/models', { query: { page_size: 100 } }).then((own) => {
      setActivated(Object.fromEntries(own.items.filter((model) => model.catalog_id && model.is_active).map((model) => [model.catalog_id, model.id])));
    }, () => {});
  }, []);

  useEffect(() => {
    let live = true;
    setError(null);
    api.get('/models/catalog', { query: { search, category, page, page_size: PAGE_SIZE } })
      .then((found) => live && setResult(found), (failure) => live && setError(failure));
    return () => { live = false; };
  }, [search, category, page]);

  // Search as you type, a moment after the last key.
  useEffect(() => {
    if (typed === search) return undefined;
    const timer = setTimeout(() => update({ search: typed }), 300);
    return () => clearTimeout(timer);
  }, [typed]); // eslint-disable-line react-hooks/exhaustive-deps

  function update(changes) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, String(value));
      else next.delete(name);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: 'search' in changes });
  }

  const activate = async (entry) => {
    setActivating(entry.id);
    setActivateError((current) => ({ ...current, [entry.id]: null }));
    try {
      const model = await api.post(`/models/catalog/${encodeURIComponent(entry.id)}/activate`);
      setActivated((current) => ({ ...current, [entry.id]: model.id }));
    } catch (failure) {
      setActivateError((current) => ({ ...current, [entry.id]: failure }));
    } finally {
      setActivating('');
    }
  };

  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  return (
    <section>
      <PageTitle>Catalog</PageTitle>
      <form className="toolbar" role="search" aria-label="Catalog filters" onSubmit={(event) => { event.preventDefault(); update({ search: typed }); }}>
        <div>
          <label htmlFor="catalog-search">Search</label>
          <input id="catalog-search" type="search" value={typed} placeholder="name, description or tag"
            onChange={(event) => setTyped(event.target.value)} />
        </div>
        <div>
          <label htmlFor="catalog-category">Category</label>
          <select id="catalog-category" value={category} onChange={(event) => update({ category: event.target.value })}>
            <option value="">All categories</option>
            {categories.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </div>
      </form>
      <ErrorLine error={error} />
      {!result && !error && <Loading what="the catalog" />}
      {result && (
        <>
          <p className="muted" aria-live="polite" data-testid="catalog-count">
            {result.total} model{result.total === 1 ? '' : 's'}{search ? ` matching “${search}”` : ''}{category ? ` in ${category}` : ''}.
          </p>
          <ul className="cards" aria-label="Catalog models">
            {result.items.map((entry) => {
              const modelId = activated[entry.id];
              return (
                <li key={entry.id} className="card" data-model={entry.name}>
                  <h2>{entry.display_name}</h2>
                  <p><code>{entry.name}</code> <span className="tag">{entry.category}</span></p>
                  <p>{entry.description}</p>
                  <p className="muted">{entry.credits_per_execution} credits a run{entry.tags.length ? ` · ${entry.tags.join(', ')}` : ''}</p>
                  <div className="actions">
                    {modelId ? (
                      <>
                        <span className="ok">Activated</span>
                        <Link className="button" to={`/models/${encodeURIComponent(modelId)}/run`} aria-label={`Run ${entry.display_name}`}>Run</Link>
                      </>
                    ) : (
                      <button type="button" onClick={() => activate(entry)} disabled={activating === entry.id}
                        aria-label={`Activate ${entry.display_name}`}>{activating === entry.id ? 'Activating…' : 'Activate'}</button>
                    )}
                  </div>
                  <ErrorLine error={activateError[entry.id]} />
                </li>
              );
            })}
          </ul>
          {pages > 1 && (
            <nav className="pager" aria-label="Catalog pages">
              <button type="button" className="secondary" disabled={page <= 1} onClick={() => update({ page: page - 1 })}>Previous</button>
              <span>Page {page} of {pages}</span>
              <button type="button" className="secondary" disabled={page >= pages} onClick={() => update({ page: page + 1 })}>Next</button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
