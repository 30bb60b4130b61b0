// Small pieces every page uses: loading and error lines, page titles, an in-place confirmation.
import { useEffect } from 'react';
import { errorMessage } from './api.js';

export function Loading({ what = '' }) {
  return <p className="muted" role="status">Loading{what ? ` ${what}` : ''}…</p>;
}

/** An error in words (an ApiError's message from the API's envelope), announced to screen readers. */
export function ErrorLine({ error }) {
  if (!error) return null;
  return <p className="error" role="alert">{typeof error === 'string' ? error : errorMessage(error)}</p>;
}

/** The page's h1, and the document title to match. */
export function PageTitle({ children, title }) {
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} · JAOT console` : 'JAOT console';
  }, [text]);
  return <h1>{children}</h1>;
}

/** The in-place "are you sure?" of a destructive action: a note, the action, and a way out. */
export function ConfirmInline({ label, note = null, action, onConfirm, onCancel }) {
  return (
    <span className="bconfirm" role="group" aria-label={label}>
      {note}
      <button type="button" className="danger" onClick={onConfirm}>{action}</button>{' '}
      <button type="button" className="secondary" onClick={onCancel}>Keep it</button>
    </span>
  );
}
