// Drag-and-drop or "Click to Upload", with the upload's progress bar.
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconUpload } from '@tabler/icons-react';
import { useRef } from 'react';
import { useT } from '../../../i18n/i18n';

type Props = { progress: number | null; uploadingName: string | null; onFile: (file: File) => void; isDisabled?: boolean };

export function FileDropzone({ progress, uploadingName, onFile, isDisabled = false }: Props) {
  const t = useT();
  const openRef = useRef<() => void>(null);
  const isUploading = progress !== null;
  return (
    <Stack gap="xs">
      <Dropzone
        openRef={openRef}
        onDrop={(files) => files[0] && onFile(files[0])}
        multiple={false}
        maxFiles={1}
        activateOnClick={false}
        useFsAccessApi={false}
        disabled={isDisabled || isUploading}
        inputProps={{ 'aria-label': t('upload.fileInput') }}
        data-testid="file-dropzone"
      >
        <Group justify="center" gap="md" mih={120} style={{ pointerEvents: 'none' }}>
          <IconUpload size={40} stroke={1.4} aria-hidden />
          <Stack gap={4}>
            <Text size="lg">{t('upload.dropHere')}</Text>
            <Text size="sm" c="dimmed">
              {t('upload.formats')}
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      <Group>
        <Button leftSection={<IconUpload size={16} />} onClick={() => openRef.current?.()} disabled={isDisabled || isUploading}>
          {t('upload.clickToUpload')}
        </Button>
      </Group>
      {isUploading && (
        <Stack gap={4}>
          <Text size="sm">{t('upload.uploading', { name: uploadingName ?? '' })}</Text>
          <Progress value={Math.round(progress * 100)} animated aria-label={t('upload.uploading', { name: uploadingName ?? '' })} data-testid="upload-progress" />
        </Stack>
      )}
    </Stack>
  );
}
