import { lazy } from 'react';

export const ActivitiesPage = lazy(() => import('./ActivitiesPage'));
export const ActivityPage = lazy(() => import('./ActivityPage'));
export const VenuePage = lazy(() => import('./VenuePage'));
export const WishesPage = lazy(() => import('./WishesPage'));
export const RegistrationsPage = lazy(() => import('./RegistrationsPage'));
export const RatesPage = lazy(() => import('./RatesPage'));
export const PointsPage = lazy(() => import('./PointsPage'));
export const WorkplacePage = lazy(() => import('./WorkplacePage'));
