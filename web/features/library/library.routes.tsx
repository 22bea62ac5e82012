// The reader's pages, spliced into web/routes.tsx. "search" is a fixed segment, so it wins over a publication slug.
import type { RouteObject } from 'react-router';
import { ChapterPage } from './chapter-page.tsx';
import { LibraryHomePage } from './library-home-page.tsx';
import { SearchPage } from './search-page.tsx';
import { TocPage } from './toc-page.tsx';

export const libraryRoutes: RouteObject[] = [
  { path: 'library', element: <LibraryHomePage /> },
  { path: 'library/search', element: <SearchPage /> },
  { path: 'library/:publication', element: <TocPage /> },
  { path: 'library/:publication/:chapter', element: <ChapterPage /> },
];
