import { lazy } from 'react';

export const DemandsPage = lazy(() => import('./DemandsPage'));
export const DemandPage = lazy(() => import('./DemandPage'));
export const NewDemandPage = lazy(() => import('./NewDemandPage'));
export const DemandImportPage = lazy(() => import('./DemandImportPage'));
export const DemandStatsPage = lazy(() => import('./DemandStatsPage'));
export const DemandSettingsPage = lazy(() => import('./DemandSettingsPage'));
export const HotTopicPage = lazy(() => import('./HotTopicPage'));
