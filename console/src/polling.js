// A resource read again while it is live (a queued or running run): one request at a time,
// stopped when the page leaves it or the resource has ended.
import { useEffect, useRef, useState } from 'react';

/**
 * `load()` now and then every `everyMs` while `isLive(found)`; `onEnded(found)` once it is not.
 * With `outageRetryMs`, a network failure or a 5xx is tried again after that long.
 * Returns [data, setData, error]; a new `load` (other filters, another run) starts over.
 */
export function usePolled(load, { everyMs, isLive, onEnded, outageRetryMs }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const options = useRef(null);
  options.current = { everyMs, isLive, onEnded, outageRetryMs };

  useEffect(() => {
    let live = true;
    let timer = null;
    const tick = async () => {
      const now = options.current;
      try {
        const found = await load();
        if (!live) return;
        setData(found);
        setError(null);
        if (now.isLive(found)) timer = setTimeout(tick, now.everyMs);
        else if (now.onEnded) now.onEnded(found);
      } catch (failure) {
        if (!live) return;
        setError(failure);
        if (now.outageRetryMs && (failure.status === 0 || failure.status >= 500)) timer = setTimeout(tick, now.outageRetryMs);
      }
    };
    tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [load]);

  return [data, setData, error];
}
