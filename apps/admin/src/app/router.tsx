/** Every page has its own URL under /admin; each feature's pages load on first visit. */
import { createBrowserRouter } from 'react-router';
import { SignInRoute } from '../features/auth/routes/sign-in';
import { Layout } from './layout';
import { NotFound } from './not-found';
import { RequireSession } from './require-session';

export const router = createBrowserRouter(
  [
    { path: '/sign-in', Component: SignInRoute },
    {
      Component: RequireSession,
      children: [
        {
          Component: Layout,
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import('../features/overview/routes/overview')).OverviewRoute,
              }),
            },
            {
              path: 'credentials',
              lazy: async () => ({
                Component: (await import('../features/credentials/routes/credentials-list'))
                  .CredentialsListRoute,
              }),
            },
            {
              path: 'credentials/new',
              lazy: async () => ({
                Component: (await import('../features/credentials/routes/new-credential')).NewCredentialRoute,
              }),
            },
            {
              path: 'credentials/:clientId',
              lazy: async () => ({
                Component: (await import('../features/credentials/routes/credential')).CredentialRoute,
              }),
            },
            {
              path: 'credentials/:clientId/edit',
              lazy: async () => ({
                Component: (await import('../features/credentials/routes/edit-credential'))
                  .EditCredentialRoute,
              }),
            },
            {
              path: 'credentials/:clientId/revoke',
              lazy: async () => ({
                Component: (await import('../features/credentials/routes/revoke-credential'))
                  .RevokeCredentialRoute,
              }),
            },
            {
              path: 'audit',
              lazy: async () => ({ Component: (await import('../features/audit/routes/audit')).AuditRoute }),
            },
            {
              path: 'access',
              lazy: async () => ({
                Component: (await import('../features/access/routes/access')).AccessRoute,
              }),
            },
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ],
  { basename: '/admin' },
);
