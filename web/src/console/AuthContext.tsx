// Who is signed in. The session itself is an httpOnly cookie; this keeps the actor and CSRF token.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { authApi } from '../api/auth.ts';
import { isApiError, setAuthHandlers, setCsrfToken } from '../api/client.ts';
import type { Actor, Session } from '../api/types.ts';
import { resetDivisionCache } from '../components/useDivisionTree.ts';

type AuthState =
  | { status: 'loading' }
  /** `loggedOut`: the user signed out here, so sign-in must not return to the page they left. */
  | { status: 'anonymous'; loggedOut?: boolean }
  | { status: 'signed-in'; actor: Actor };

type AuthApi = {
  state: AuthState;
  /** Stores the session that login returned. */
  signedIn(session: Session): void;
  /** Re-reads /auth/me (after a password change). */
  refresh(): Promise<Actor | null>;
  logout(): Promise<void>;
};

const Ctx = createContext<AuthApi | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const navigate = useNavigate();
  const location = useLocation();

  const signedIn = useCallback((s: Session) => {
    setCsrfToken(s.csrfToken);
    resetDivisionCache();
    setState({ status: 'signed-in', actor: s.actor });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const s = await authApi.me();
      setCsrfToken(s.csrfToken);
      setState({ status: 'signed-in', actor: s.actor });
      return s.actor;
    } catch (err) {
      if (isApiError(err) && err.status === 401) {
        setCsrfToken(null);
        setState({ status: 'anonymous' });
        return null;
      }
      throw err;
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      resetDivisionCache();
      setState({ status: 'anonymous', loggedOut: true });
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'anonymous' }));
  }, [refresh]);

  // A 401 anywhere means the session ended: go to sign-in and come back here afterwards.
  const here = `${location.pathname}${location.search}`;
  useEffect(() => {
    setAuthHandlers({
      unauthorized: () => {
        setCsrfToken(null);
        setState({ status: 'anonymous' });
        if (window.location.pathname !== '/login')
          navigate('/login', { replace: true, state: { from: here } });
      },
      mustChangePassword: () => {
        setState((s) =>
          s.status === 'signed-in'
            ? { status: 'signed-in', actor: { ...s.actor, mustChangePassword: true } }
            : s,
        );
        navigate('/change-password', { replace: true });
      },
    });
  }, [navigate, here]);

  const value = useMemo(() => ({ state, signedIn, refresh, logout }), [state, signedIn, refresh, logout]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in actor; only for pages behind RequireAuth. */
export function useActor(): Actor {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useActor without a signed-in user');
  return state.actor;
}
