// Builder: the organization's builder documents (/builder) and the canvas editor of one
// (/builder/:documentId). Everything goes through the public API (docs/console-builder.md).
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api.js';
import { ErrorLine, Loading, PageTitle } from '../ui.jsx';
import { Editor } from '../builder/Editor.jsx';
import '../builder/builder.css';

export default function BuilderPage() {
  const { documentId } = useParams();
  return documentId ? <Editor key={documentId} documentId={documentId} /> : <Documents />;
}

function Documents() {
  const navigate = useNavigate();
  const [documents, setDocuments] = useState(null);
  const [error, setError] = useState(null);
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState(null);

  useEffect(() => {
    api.get('/builder', { query: { page_size: 100, is_active: true } })
      .then((page) => setDocuments(page.items))
      .catch(setError);
  }, []);

  const create = async (event) => {
    event.preventDefault();
    setCreating(true);
    setCreateError(null);
    try {
      const created = await api.post('/builder', { name: name.trim(), canvas_json: { nodes: [], edges: [] } });
      navigate(`/builder/${encodeURIComponent(created.id)}`);
    } catch (failure) {
      setCreateError(failure);
      setCreating(false);
    }
  };

  return (
    <section className="bpage">
      <PageTitle>Builder</PageTitle>
      <p className="muted">Draw a linear or integer model on a canvas; every change is compiled, saved and kept as a checkpoint.</p>
      <form className="panel bcreate" onSubmit={create} aria-labelledby="bnew-title">
        <h2 id="bnew-title">New document</h2>
        <label className="bfield">
          <span>Document name</span>
          <input type="text" value={name} required maxLength={200} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" disabled={creating || !name.trim()}>{creating ? 'Creating…' : 'Create document'}</button>
        <ErrorLine error={createError} />
      </form>
      <h2>Documents</h2>
      <ErrorLine error={error} />
      {!documents && !error && <Loading what="documents" />}
      {documents && documents.length === 0 && <p className="muted">No builder documents yet.</p>}
      {documents && documents.length > 0 && (
        <div className="scroll">
          <table>
            <caption className="sr-only">Builder documents</caption>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Versions</th><th scope="col">Updated</th><th scope="col">Open</th></tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <tr key={document.id}>
                  <th scope="row">{document.name}</th>
                  <td>{document.version_count}</td>
                  <td>{document.updated_at}</td>
                  <td className="bactions">
                    <Link to={`/builder/${encodeURIComponent(document.id)}`} aria-label={`Edit ${document.name}`}>Edit</Link>
                    <Link to={`/builder/${encodeURIComponent(document.id)}/versions`} aria-label={`Versions of ${document.name}`}>Versions</Link>
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
