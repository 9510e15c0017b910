// Sends POST /api/imports; on NAME_MISMATCH it holds the request until the user confirms ("Import Not Match").
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import type { ImportCreated, ImportRequest } from '../../api/types';

export type ImportSubmission = {
  submit: (body: ImportRequest) => Promise<void>;
  confirmMismatch: () => Promise<void>;
  cancelMismatch: () => void;
  mismatchMessage: string | null;
  isSubmitting: boolean;
  error: unknown;
  created: ImportCreated | null;
  /** After a dry run: the same import again, for real (the same file, mapping and options). */
  importForReal: () => Promise<void>;
  reset: () => void;
};

export function useImportSubmission(): ImportSubmission {
  const [pending, setPending] = useState<{ body: ImportRequest; message: string } | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<ImportCreated | null>(null);
  /** The request that made `created`. */
  const [sent, setSent] = useState<ImportRequest | null>(null);

  const send = useCallback(async (body: ImportRequest) => {
    setIsSubmitting(true);
    setError(null);
    try {
      setCreated(await api.createImport(body));
      setSent(body);
      setPending(null);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'NAME_MISMATCH' && !body.confirmNameMismatch) {
        setPending({ body, message: caught.message });
      } else {
        setPending(null);
        setError(caught);
      }
    } finally {
      setIsSubmitting(false);
    }
  }, []);

  const confirmMismatch = useCallback(async () => {
    if (pending) await send({ ...pending.body, confirmNameMismatch: true });
  }, [pending, send]);

  const importForReal = useCallback(async () => {
    if (sent) await send({ ...sent, dryRun: false });
  }, [sent, send]);

  const reset = useCallback(() => {
    setPending(null);
    setError(null);
    setCreated(null);
    setSent(null);
  }, []);

  return {
    submit: send,
    confirmMismatch,
    cancelMismatch: () => setPending(null),
    mismatchMessage: pending?.message ?? null,
    isSubmitting,
    error,
    created,
    importForReal,
    reset,
  };
}
