// Who is logged in: loaded from GET /api/session at start, set by the login page, cleared on logout or a 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import { api } from '../api/endpoints';
import type { User } from '../api/types';

type SessionValue = {
  user: User | null;
  isLoading: boolean;
  logIn: (login: string, password: string) => Promise<User>;
  logOut: () => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [isLoading, setIsLoading] = useState(true);

  useEffect(() => {
    let isCurrent = true;
    api
      .getSession()
      .then((session) => {
        if (!isCurrent) return;
        setCsrfToken(session.csrfToken);
        setUser(session.user);
      })
      .catch(() => undefined)
      .finally(() => isCurrent && setIsLoading(false));
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setUser(null);
    });
    return () => {
      isCurrent = false;
      setUnauthenticatedHandler(null);
    };
  }, []);

  const logIn = useCallback(async (login: string, password: string) => {
    const session = await api.logIn(login, password);
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    return session.user;
  }, []);

  const logOut = useCallback(async () => {
    try {
      await api.logOut();
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, isLoading, logIn, logOut }), [user, isLoading, logIn, logOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The logged-in user; only for pages behind the login. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser needs a logged-in user');
  return user;
}
