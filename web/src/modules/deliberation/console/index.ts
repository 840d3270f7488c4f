import { lazy } from 'react';

export const AgendaPage = lazy(() => import('./AgendaPage'));
export const MeetingsPage = lazy(() => import('./MeetingsPage'));
export const MeetingPage = lazy(() => import('./MeetingPage'));
export const MeetingVenuePage = lazy(() => import('./MeetingVenuePage'));
export const ResolutionsPage = lazy(() => import('./ResolutionsPage'));
export const ResolutionPage = lazy(() => import('./ResolutionPage'));
export const CogovPage = lazy(() => import('./CogovPage'));
export const MinutesPrintPage = lazy(() => import('../print/MinutesPrintPage'));
export const ResolutionPrintPage = lazy(() => import('../print/ResolutionPrintPage'));
export const AgendaItemPage = lazy(() => import('./AgendaItemPage'));
