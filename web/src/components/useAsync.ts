// Loads data for a component and reloads it when its inputs change.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type AsyncState<T> = { data: T | undefined; error: Error | null; isLoading: boolean; reload: () => void };

export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let isCurrent = true;
    setIsLoading(true);
    loadRef
      .current()
      .then((value) => {
        if (!isCurrent) return;
        setData(value);
        setError(null);
      })
      .catch((caught: unknown) => isCurrent && setError(caught instanceof Error ? caught : new Error(String(caught))))
      .finally(() => isCurrent && setIsLoading(false));
    return () => {
      isCurrent = false;
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, isLoading, reload };
}
