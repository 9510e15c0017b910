// Live progress of one job over Server-Sent Events (`event: progress` with the job, `event: end`).
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import type { JobDetail } from '../../api/types';

export function useJobEvents(jobId: number, isEnabled: boolean, onEnd?: () => void): JobDetail | null {
  const [live, setLive] = useState<JobDetail | null>(null);
  useEffect(() => {
    if (!isEnabled) return;
    const source = new EventSource(api.jobEventsUrl(jobId), { withCredentials: true });
    const onProgress = (event: MessageEvent<string>) => {
      try {
        setLive(JSON.parse(event.data) as JobDetail);
      } catch {
        // A malformed event is skipped; the next one carries the whole job again.
      }
    };
    const onEndEvent = (event: MessageEvent<string>) => {
      // The end carries the job as it ended: its last counts and result files.
      onProgress(event);
      source.close();
      onEnd?.();
    };
    source.addEventListener('progress', onProgress);
    source.addEventListener('end', onEndEvent);
    // On an error EventSource reconnects by itself; a closed stream (job over, or 4xx) is not retried.
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) onEnd?.();
    };
    return () => {
      source.removeEventListener('progress', onProgress);
      source.removeEventListener('end', onEndEvent);
      source.close();
    };
  }, [jobId, isEnabled]); // onEnd is read when an event comes; it is no reason to reconnect.
  return live;
}
