import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized, setCsrfToken } from './api';
import type { Permission, Role, Session } from './types';

interface AuthValue {
  status: 'loading' | 'anonymous' | 'signedIn';
  session: Session | null;
  /** Re-reads the session (after login, password change, TOTP enable). */
  refresh: () => Promise<Session | null>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
  hasRole: (...roles: Role[]) => boolean;
  /** Set when a request found the session gone, so the login page can say why. */
  expired: boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [status, setStatus] = useState<AuthValue['status']>('loading');
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const s = await api<Session>('/api/auth/session', { allow401: true });
      setCsrfToken(s.csrfToken);
      setSession(s);
      setStatus('signedIn');
      setExpired(false);
      return s;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setCsrfToken('');
        setSession(null);
        setStatus('anonymous');
        return null;
      }
      throw err;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setStatus('anonymous'));
    onUnauthorized(() => {
      setCsrfToken('');
      setSession(null);
      setExpired(true);
      setStatus('anonymous');
    });
    return () => onUnauthorized(null);
  }, [refresh]);

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', allow401: true });
    } finally {
      setCsrfToken('');
      setSession(null);
      setStatus('anonymous');
    }
  }, []);

  const value = useMemo<AuthValue>(() => {
    const perms = new Set(session?.permissions ?? []);
    const roles = new Set((session?.grants ?? []).map((g) => g.role));
    return {
      status,
      session,
      refresh,
      logout,
      expired,
      can: (p) => perms.has(p),
      hasRole: (...rs) => rs.some((r) => roles.has(r)),
    };
  }, [status, session, refresh, logout, expired]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in session; only for pages rendered behind RequireAuth. */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('useSession without a session');
  return session;
}
