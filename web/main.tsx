import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { i18nReady } from '#web/lib/i18n.ts';
import { router } from '#web/routes.tsx';
import { registerLibraryWorker } from '#web/features/library/offline.ts';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false } },
});

// NOTE: production builds only — in development Vite serves unhashed modules that a cache-first worker would pin.
if (import.meta.env.PROD) registerLibraryWorker();

await i18nReady;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
