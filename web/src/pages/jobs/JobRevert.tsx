// Revert (DESIGN.md step 8): a confirmed button on an ended job, then what the revert did and the rows it kept.
import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import type { JobDetail, RevertReport } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/i18n';
import { formatCount, formatTime } from '../../utils/format';
import { canRevert } from '../../utils/job-progress';

export function RevertButton({ job, onReverted }: { job: JobDetail; onReverted: () => void }) {
  const t = useT();
  const [isAsking, setIsAsking] = useState(false);
  const [isReverting, setIsReverting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!canRevert(job)) return null;
  const confirm = async () => {
    setIsReverting(true);
    setError(null);
    try {
      await api.revertJob(job.id);
      setIsAsking(false);
      onReverted();
    } catch (caught) {
      setError(caught);
    } finally {
      setIsReverting(false);
    }
  };
  return (
    <>
      <Button color="orange" variant="light" onClick={() => setIsAsking(true)} data-testid="revert-job">
        {t('revert.button')}
      </Button>
      <Modal opened={isAsking} onClose={() => setIsAsking(false)} title={t('revert.title', { id: job.id })} centered closeButtonProps={{ 'aria-label': t('app.cancel') }} data-testid="revert-confirm">
        <Stack>
          <Text>{t('revert.body', { success: formatCount(job.success) })}</Text>
          <Text size="sm" c="dimmed">
            {t('revert.kept')}
          </Text>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setIsAsking(false)}>
              {t('app.cancel')}
            </Button>
            <Button color="orange" onClick={() => void confirm()} loading={isReverting} data-testid="revert-confirm-ok">
              {t('revert.button')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** What the revert of a job did; shown once a job has been (or is being) reverted. */
export function RevertOutcome({ job }: { job: JobDetail }) {
  const t = useT();
  const revertedAt = job.revert?.revertedAt ?? null;
  const report = useAsync(() => (job.revert ? api.getRevert(job.id) : Promise.resolve(null)), [job.id, revertedAt]);
  if (!job.revert) return null;
  const summary = job.revert;
  return (
    <Paper withBorder p="md" data-testid="revert-outcome" data-status={summary.status}>
      <Title order={4} mb="xs">
        {summary.status === 'reverted' ? t('revert.done', { time: formatTime(revertedAt) }) : t('revert.running')}
      </Title>
      <Alert color={summary.kept > 0 ? 'yellow' : 'green'} mb="sm" data-testid="revert-counts">
        {t('revert.counts', { removed: formatCount(summary.removed), restored: formatCount(summary.restored), kept: formatCount(summary.kept) })}
        {summary.dialRemoved > 0 && ` ${t('revert.dialRemoved', { count: formatCount(summary.dialRemoved) })}`}
      </Alert>
      {report.data && report.data.keptRows.length > 0 && <KeptRows report={report.data} />}
    </Paper>
  );
}

function KeptRows({ report }: { report: RevertReport }) {
  const t = useT();
  return (
    <Stack gap="xs">
      <Text size="sm">{t('revert.keptTitle')}</Text>
      <Table striped data-testid="revert-kept">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('revert.row')}</Table.Th>
            <Table.Th>{t('revert.line')}</Table.Th>
            <Table.Th>{t('revert.key')}</Table.Th>
            <Table.Th>{t('revert.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.keptRows.map((row) => (
            <Table.Tr key={`${row.table}:${row.rowId}:${row.change}`}>
              <Table.Td>#{row.rowId}</Table.Td>
              <Table.Td>{row.line ?? ''}</Table.Td>
              <Table.Td>{row.key ?? ''}</Table.Td>
              <Table.Td>{row.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {report.kept > report.keptRows.length && (
        <Text size="xs" c="dimmed">
          {t('revert.more', { count: formatCount(report.kept - report.keptRows.length) })}
        </Text>
      )}
    </Stack>
  );
}
