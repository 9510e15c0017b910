// The four result files of a job: success, error, duplicated, original.
import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { api } from '../../api/endpoints';
import { RESULT_KINDS, type JobDetail } from '../../api/types';
import { useT } from '../../i18n/i18n';

const COLORS = { success: 'green', error: 'red', duplicated: 'yellow', original: 'gray' } as const;

export function JobDownloads({ job }: { job: JobDetail }) {
  const t = useT();
  const isFinished = job.status === 'close' || job.status === 'cancelled' || job.status === 'failed';
  const listed = job.files ? new Set(job.files.map((file) => file.kind)) : null;
  return (
    <Group>
      {RESULT_KINDS.map((kind) => {
        const isAvailable = kind === 'original' || (listed ? listed.has(kind) : isFinished);
        return (
          <Button
            key={kind}
            component="a"
            href={api.jobFileUrl(job.id, kind)}
            download
            variant="light"
            color={COLORS[kind]}
            leftSection={<IconDownload size={16} />}
            data-testid={`download-${kind}`}
            data-disabled={!isAvailable || undefined}
            onClick={(event) => !isAvailable && event.preventDefault()}
          >
            {t(`job.download.${kind}`)}
          </Button>
        );
      })}
    </Group>
  );
}
