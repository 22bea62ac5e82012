// Every page of the app, in one list. Features add their routes here.
import { createBrowserRouter } from 'react-router';
import { AppShell } from '#web/components/app-shell.tsx';
import { HomePage, NotFoundPage } from '#web/features/home/home-page.tsx';

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
