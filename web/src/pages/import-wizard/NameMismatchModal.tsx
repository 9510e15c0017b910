// "Import Not Match": the file name does not match the customer package name; OK imports anyway.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/i18n';

type Props = { message: string | null; onConfirm: () => void; onCancel: () => void; isSubmitting: boolean };

export function NameMismatchModal({ message, onConfirm, onCancel, isSubmitting }: Props) {
  const t = useT();
  return (
    <Modal opened={message !== null} onClose={onCancel} title={t('mismatch.title')} centered closeButtonProps={{ 'aria-label': t('app.cancel') }} data-testid="name-mismatch">
      <Stack>
        <Text>{t('mismatch.body')}</Text>
        {message && (
          <Text size="sm" c="dimmed">
            {message}
          </Text>
        )}
        <Text>{t('mismatch.confirm')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={isSubmitting}>
            {t('app.ok')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
