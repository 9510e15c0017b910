import { Text } from '@mantine/core';
import { useT } from '../i18n/i18n';

export function NotFoundPage() {
  const t = useT();
  return <Text>{t('app.notFound')}</Text>;
}
