// Shell Jobs: every import job of the team with status, counts and live progress; filters by status and table.
import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { JOB_STATUSES, TARGETS, type JobStatus, type Target } from '../../api/types';
import { AsyncContent } from '../../components/AsyncContent';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/i18n';
import { useUser } from '../../session/SessionContext';
import { isJobActive } from '../../utils/job-progress';
import { JobRow } from './JobRow';

/** Browsers allow six connections per server: follow at most this many jobs live, poll for the rest. */
const MAX_LIVE_JOBS = 3;
const POLL_MS = 4000;
/** The list grows by this many jobs with "Load more" (the API answers up to 500 at once). */
const PAGE_SIZE = 100;
const MAX_LIMIT = 500;

export function JobsPage() {
  const t = useT();
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [teamId, setTeamId] = useState<number | null>(null);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const isAdmin = useUser().role === 'admin';
  const teams = useAsync(() => (isAdmin ? api.listTeams() : Promise.resolve([])), [isAdmin]);
  const jobs = useAsync(
    () => api.listJobs({ status: status ?? undefined, target: target ?? undefined, teamId: teamId ?? undefined, limit }),
    [status, target, teamId, limit],
  );
  const list = jobs.data?.jobs ?? [];
  const activeIds = list.filter(isJobActive).map((job) => job.id);
  const liveIds = new Set(activeIds.slice(0, MAX_LIVE_JOBS));
  const hasActive = activeIds.length > 0;

  useEffect(() => {
    if (!hasActive) return;
    const timer = window.setInterval(jobs.reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [hasActive, jobs.reload]);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('jobs.title')}</Title>
        <Group align="flex-end">
          {isAdmin && (
            <Select
              label={t('wizard.team')}
              data={[{ value: '', label: t('jobs.all') }, ...(teams.data ?? []).map((team) => ({ value: String(team.id), label: team.name }))]}
              value={teamId === null ? '' : String(teamId)}
              onChange={(value) => setTeamId(value ? Number(value) : null)}
              allowDeselect={false}
              w={180}
            />
          )}
          <Select
            label={t('jobs.filterStatus')}
            data={[{ value: '', label: t('jobs.all') }, ...JOB_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))]}
            value={status ?? ''}
            onChange={(value) => setStatus(value ? (value as JobStatus) : null)}
            allowDeselect={false}
            w={160}
          />
          <Select
            label={t('jobs.filterTarget')}
            data={[{ value: '', label: t('jobs.all') }, ...TARGETS.map((value) => ({ value, label: t(`target.${value}`) }))]}
            value={target ?? ''}
            onChange={(value) => setTarget(value ? (value as Target) : null)}
            allowDeselect={false}
            w={220}
          />
          <Button variant="default" onClick={jobs.reload}>
            {t('jobs.refresh')}
          </Button>
        </Group>
      </Group>
      <AsyncContent state={jobs}>
        {() =>
          list.length === 0 ? (
            <Text c="dimmed" data-testid="no-jobs">
              {t('jobs.empty')}
            </Text>
          ) : (
            <Table striped highlightOnHover withTableBorder data-testid="jobs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('jobs.id')}</Table.Th>
                  <Table.Th>{t('jobs.file')}</Table.Th>
                  <Table.Th>{t('jobs.target')}</Table.Th>
                  <Table.Th>{t('jobs.status')}</Table.Th>
                  <Table.Th>{t('jobs.progress')}</Table.Th>
                  <Table.Th ta="right">{t('jobs.success')}</Table.Th>
                  <Table.Th ta="right">{t('jobs.error')}</Table.Th>
                  <Table.Th ta="right">{t('jobs.duplicated')}</Table.Th>
                  <Table.Th>{t('jobs.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((job) => (
                  <JobRow key={job.id} job={job} isLive={liveIds.has(job.id)} onEnd={jobs.reload} />
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </AsyncContent>
      {list.length >= limit && limit < MAX_LIMIT && (
        <Button variant="default" onClick={() => setLimit((n) => Math.min(MAX_LIMIT, n + PAGE_SIZE))} loading={jobs.isLoading}>
          {t('app.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
