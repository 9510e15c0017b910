// One function per API endpoint the UI calls.
import { request, withQuery } from './client';
import type {
  Campaign,
  CampaignDetail,
  CustomerDetail,
  CustomerPage,
  FieldSetting,
  ImportCreated,
  ImportRequest,
  Job,
  JobDetail,
  JobStatus,
  ListPage,
  ListTarget,
  Preview,
  PreviewQuery,
  ResultKind,
  RevertReport,
  Session,
  Team,
  TeamUser,
  Target,
} from './types';

export const api = {
  getSession: () => request<Session>('GET', '/api/session', undefined, { isSilent401: true }),
  logIn: (login: string, password: string) => request<Session>('POST', '/api/session', { login, password }, { isSilent401: true }),
  logOut: () => request<void>('DELETE', '/api/session'),

  listTeams: async () => (await request<{ teams: Team[] }>('GET', '/api/teams')).teams,
  listUsers: async (teamId?: number) => (await request<{ users: TeamUser[] }>('GET', withQuery('/api/users', { teamId }))).users,

  deleteUpload: (id: number) => request<void>('DELETE', `/api/uploads/${id}`),
  previewUpload: (id: number, query: PreviewQuery) => request<Preview>('GET', withQuery(`/api/uploads/${id}/preview`, query)),

  createImport: (body: ImportRequest) => request<ImportCreated>('POST', '/api/imports', body),

  listJobs: (query: { status?: JobStatus; target?: Target; limit?: number; before?: number; teamId?: number }) =>
    request<{ jobs: Job[] }>('GET', withQuery('/api/jobs', query)),
  getJob: (id: number) => request<JobDetail>('GET', `/api/jobs/${id}`),
  cancelJob: (id: number) => request<Job>('POST', `/api/jobs/${id}/cancel`),
  revertJob: (id: number) => request<RevertReport>('POST', `/api/jobs/${id}/revert`),
  getRevert: (id: number) => request<RevertReport>('GET', `/api/jobs/${id}/revert`),
  jobFileUrl: (id: number, kind: ResultKind) => `/api/jobs/${id}/files/${kind}`,
  jobEventsUrl: (id: number) => `/api/jobs/${id}/events`,

  listCampaigns: async (teamId?: number) => (await request<{ campaigns: Campaign[] }>('GET', withQuery('/api/campaigns', { teamId }))).campaigns,
  getCampaign: (id: number) => request<CampaignDetail>('GET', `/api/campaigns/${id}`),
  createCampaign: (body: { name: string; teamId?: number; mainTable?: 'individual' | 'organization'; packageName?: string; hasDialer?: boolean }) =>
    request<CampaignDetail>('POST', '/api/campaigns', body),
  setCampaignAgents: (id: number, userIds: number[]) => request<CampaignDetail>('PUT', `/api/campaigns/${id}/agents`, { userIds }),

  listFields: (target: Target, campaignId?: number, teamId?: number) =>
    request<FieldSetting[]>('GET', withQuery('/api/fields', { target, campaignId, teamId })),
  saveFields: (target: Target, fields: FieldSetting[], campaignId?: number, teamId?: number) =>
    request<FieldSetting[]>('PUT', withQuery('/api/fields', { target, campaignId, teamId }), fields),

  listCustomers: (query: { target: Target; campaignId?: number; q?: string; status?: string; limit?: number; after?: number; teamId?: number }) =>
    request<CustomerPage>('GET', withQuery('/api/customers', query)),
  getCustomer: (id: number) => request<CustomerDetail>('GET', `/api/customers/${id}`),

  listEntries: (target: ListTarget, query: { campaignId?: number; q?: string; after?: number; teamId?: number }) =>
    request<ListPage>('GET', withQuery(`/api/lists/${target}`, query)),
};
