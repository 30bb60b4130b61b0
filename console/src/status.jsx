// Run statuses, their words, and the ones that are still moving.
export const LIVE_STATUSES = ['queued', 'running'];
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'canceled'];

export function StatusBadge({ status }) {
  return <span className={`status status-${status}`} data-status={status}>{status}</span>;
}

export function when(text) {
  if (!text) return '—';
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' });
}
