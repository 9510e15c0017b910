import { Alert, Button, Center, Group, Paper, PasswordInput, SegmentedControl, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/SessionContext';

export function LoginPage() {
  const { t, language, setLanguage } = useI18n();
  const { logIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitting(true);
    setError(null);
    try {
      const user = await logIn(login, password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : user.role === 'agent' ? '/agent' : '/import', { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? t('login.failed') : caught instanceof Error ? caught.message : String(caught));
      setIsSubmitting(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380} component="main">
        <form onSubmit={(event) => void submit(event)}>
          <Stack>
            <Group justify="space-between">
              <Title order={2}>{t('login.title')}</Title>
            </Group>
            <TextInput label={t('login.login')} name="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.currentTarget.value)} />
            <PasswordInput
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={isSubmitting}>
              {t('login.submit')}
            </Button>
            <SegmentedControl
              aria-label={t('app.language')}
              value={language}
              onChange={(value) => setLanguage(value === 'zh' ? 'zh' : 'en')}
              data={[
                { value: 'en', label: 'English' },
                { value: 'zh', label: '简体中文' },
              ]}
            />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
