// Step 1: the team, the file (drag-and-drop or "Click to Upload"), the file panel and the first 10 records.
import { Loader, Stack } from '@mantine/core';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PreviewTable } from '../../../components/PreviewTable';
import { useT } from '../../../i18n/i18n';
import type { UploadedFile } from '../useUploadedFile';
import { FileDropzone } from './FileDropzone';
import { FilePanel } from './FilePanel';
import { TeamPicker } from './TeamPicker';

export function UploadStep({ file, showPreview = true }: { file: UploadedFile; showPreview?: boolean }) {
  const t = useT();
  return (
    <Stack>
      <TeamPicker teamId={file.teamId} onChange={file.setTeamId} />
      {file.upload ? (
        <FilePanel upload={file.upload} preview={file.preview} settings={file.settings} onChange={file.changeSettings} onDelete={() => void file.removeUpload()} />
      ) : (
        <FileDropzone progress={file.progress} uploadingName={file.uploadingName} onFile={file.startUpload} isDisabled={file.teamId === undefined} />
      )}
      <ErrorAlert error={file.uploadError} title={t('upload.failed')} />
      <ErrorAlert error={file.previewError} />
      {showPreview && file.upload && (file.preview ? <PreviewTable preview={file.preview} /> : file.isPreviewLoading && <Loader aria-label={t('app.loading')} />)}
    </Stack>
  );
}
