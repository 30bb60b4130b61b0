// The console's routes. Hash URLs (/console#/catalog): the API serves one page, /console,
// and a deep link still works after a reload. Screens live in src/pages/, one file each.
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { SessionProvider } from './session.js';
import Layout, { RequireSession } from './Layout.jsx';
import { Loading } from './ui.jsx';
import SignIn from './pages/signin.jsx';
import Catalog from './pages/catalog.jsx';
import Runs from './pages/runs.jsx';
import Result from './pages/result.jsx';
import NotFound from './pages/notfound.jsx';
import './styles.css';

// Code-split: the form generator (@rjsf + ajv), the canvas editor (@xyflow/react) and the
// version views load on first use; the first load is the catalog and runs only.
const Run = lazy(() => import('./pages/run.jsx'));
const Builder = lazy(() => import('./pages/builder.jsx'));
const Versions = lazy(() => import('./pages/versions.jsx'));
const Triggers = lazy(() => import('./pages/triggers.jsx'));
const Keys = lazy(() => import('./pages/keys.jsx'));

const later = (Page) => (
  <Suspense fallback={<Loading what="page" />}>
    <Page />
  </Suspense>
);

export const routes = [
  { path: '/sign-in', element: <SignIn /> },
  {
    element: <RequireSession><Layout /></RequireSession>,
    children: [
      { index: true, element: <Navigate to="/catalog" replace /> },
      { path: '/catalog', element: <Catalog /> },
      { path: '/models/:modelId/run', element: later(Run) },
      { path: '/runs', element: <Runs /> },
      { path: '/runs/:executionId', element: <Result /> },
      { path: '/builder', element: later(Builder) },
      { path: '/builder/:documentId', element: later(Builder) },
      { path: '/builder/:documentId/versions', element: later(Versions) },
      { path: '/triggers', element: later(Triggers) },
      { path: '/keys', element: later(Keys) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

const router = createHashRouter(routes);

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);
