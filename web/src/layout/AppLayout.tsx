// The frame around every page behind the login: header with language and user, navigation by role.
import { AppShell, Burger, Group, NavLink, SegmentedControl, Text, Button, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconBan,
  IconCircleCheck,
  IconFileImport,
  IconListDetails,
  IconMap2,
  IconPhoneIncoming,
  IconRocket,
  IconSpeakerphone,
} from '@tabler/icons-react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { useSession, useUser } from '../session/SessionContext';

type NavItem = { to: string; label: MessageKey; icon: ReactNode };

const SUPERVISOR_ITEMS: NavItem[] = [
  { to: '/import', label: 'nav.import', icon: <IconFileImport size={18} /> },
  { to: '/import-start', label: 'nav.importStart', icon: <IconRocket size={18} /> },
  { to: '/jobs', label: 'nav.jobs', icon: <IconListDetails size={18} /> },
  { to: '/campaigns', label: 'nav.campaigns', icon: <IconSpeakerphone size={18} /> },
];
const LIST_ITEMS: NavItem[] = [
  { to: '/lists/blacklist', label: 'nav.blacklist', icon: <IconBan size={18} /> },
  { to: '/lists/whitelist', label: 'nav.whitelist', icon: <IconCircleCheck size={18} /> },
  { to: '/lists/campaign-blacklist', label: 'nav.campaignBlacklist', icon: <IconBan size={18} /> },
  { to: '/lists/area-code', label: 'nav.areaCodes', icon: <IconMap2 size={18} /> },
  { to: '/lists/did', label: 'nav.dids', icon: <IconPhoneIncoming size={18} /> },
];
const AGENT_ITEMS: NavItem[] = [{ to: '/agent', label: 'nav.agent', icon: <IconAddressBook size={18} /> }];

export function AppLayout() {
  const { t, language, setLanguage } = useI18n();
  const user = useUser();
  const { logOut } = useSession();
  const [isOpen, { toggle }] = useDisclosure();
  const location = useLocation();
  const isAgent = user.role === 'agent';
  const items = isAgent ? AGENT_ITEMS : [...SUPERVISOR_ITEMS, ...AGENT_ITEMS];

  const link = (item: NavItem) => (
    <NavLink
      key={item.to}
      component={RouterLink}
      to={item.to}
      label={t(item.label)}
      leftSection={item.icon}
      active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
    />
  );

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !isOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={isOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.toggleNavigation')} />
            <Title order={3} c="blue.8">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed">
              {user.teamName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label={t('app.language')}
              value={language}
              onChange={(value) => setLanguage(value === 'zh' ? 'zh' : 'en')}
              data={[
                { value: 'en', label: 'EN' },
                { value: 'zh', label: '中文' },
              ]}
            />
            <Text size="sm" data-testid="current-user">
              {user.login} · {t(`role.${user.role}`)}
            </Text>
            <Button size="xs" variant="default" onClick={() => void logOut()}>
              {t('app.logOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.navigation')}>
        {items.map(link)}
        {!isAgent && (
          <NavLink label={t('nav.lists')} defaultOpened childrenOffset={12}>
            {LIST_ITEMS.map(link)}
          </NavLink>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
