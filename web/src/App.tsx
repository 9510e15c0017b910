// Routes: the login page, then the pages of the logged-in user's role.
import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './pages/login/LoginPage';
import { ImportWizardPage } from './pages/import-wizard/ImportWizardPage';
import { ImportAndStartPage } from './pages/import-and-start/ImportAndStartPage';
import { JobsPage } from './pages/jobs/JobsPage';
import { JobPage } from './pages/jobs/JobPage';
import { CampaignsPage } from './pages/campaigns/CampaignsPage';
import { CampaignPage } from './pages/campaigns/CampaignPage';
import { AgentCampaignsPage } from './pages/agent/AgentCampaignsPage';
import { CustomerListPage } from './pages/agent/CustomerListPage';
import { CustomerPage } from './pages/agent/CustomerPage';
import { ListsPage } from './pages/lists/ListsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { useSession } from './session/SessionContext';

export function App() {
  const { user, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname + location.search }} />} />
      </Routes>
    );
  }
  const home = user.role === 'agent' ? '/agent' : '/import';
  return (
    <Routes>
      <Route path="/login" element={<Navigate to={home} replace />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={home} replace />} />
        <Route path="/import" element={<ImportWizardPage />} />
        <Route path="/import-start" element={<ImportAndStartPage />} />
        <Route path="/jobs" element={<JobsPage />} />
        <Route path="/jobs/:jobId" element={<JobPage />} />
        <Route path="/campaigns" element={<CampaignsPage />} />
        <Route path="/campaigns/:campaignId" element={<CampaignPage />} />
        <Route path="/agent" element={<AgentCampaignsPage />} />
        <Route path="/agent/campaigns/:campaignId" element={<CustomerListPage />} />
        <Route path="/customers/:customerId" element={<CustomerPage />} />
        <Route path="/lists/:listTarget" element={<ListsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
