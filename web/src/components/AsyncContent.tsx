// Shows a loader, an error with a retry button, or the content once the data is there.
import { Alert, Button, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import type { AsyncState } from './useAsync';

export function AsyncContent<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ReactNode }) {
  const t = useT();
  if (state.error && state.data === undefined) {
    return (
      <Alert color="red" title={t('app.error')}>
        {state.error.message}{' '}
        <Button size="xs" variant="light" onClick={state.reload}>
          {t('app.retry')}
        </Button>
      </Alert>
    );
  }
  if (state.data === undefined) {
    return (
      <Center p="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return <>{children(state.data)}</>;
}
