import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../lib/session';

/** Pages behind sign-in: without a session, sign in first and come back to this very page. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?from=${encodeURIComponent(from)}`} replace />;
  }
  return <Outlet />;
}
