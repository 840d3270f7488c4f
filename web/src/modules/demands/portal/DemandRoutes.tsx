import { Navigate, Route, Routes } from 'react-router-dom';
import DemandDetailPage from './DemandDetailPage';
import DemandsHome from './DemandsHome';
import ReportPage from './ReportPage';
import SubmittedPage from './SubmittedPage';
import type { PortalPlace } from './types';

/** The portal's /m/demands pages. */
export default function DemandRoutes(place: PortalPlace) {
  return (
    <Routes>
      <Route index element={<DemandsHome {...place} />} />
      <Route path="new" element={<ReportPage {...place} />} />
      <Route path=":id" element={<DemandDetailPage />} />
      <Route path=":id/done" element={<SubmittedPage />} />
      <Route path="*" element={<Navigate to="/m/demands" replace />} />
    </Routes>
  );
}
