import { Alert } from '@mantine/core';
import { useT } from '../i18n/i18n';

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const t = useT();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={title ?? t('app.error')} role="alert">
      {message}
    </Alert>
  );
}
