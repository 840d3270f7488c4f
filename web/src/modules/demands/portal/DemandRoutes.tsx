import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import DemandDetailPage from './DemandDetailPage';
import DemandsHome from './DemandsHome';
import ReportPage from './ReportPage';
import SubmittedPage from './SubmittedPage';
import type { PortalPlace } from './types';

/** The portal's /m/demands pages. */
export default function DemandRoutes(place: PortalPlace) {
  // Following a notice to the demand already open reloads it: each navigation has its own key.
  const { key } = useLocation();
  return (
    <Routes>
      <Route index element={<DemandsHome {...place} />} />
      <Route path="new" element={<ReportPage {...place} />} />
      <Route path=":id" element={<DemandDetailPage key={key} />} />
      <Route path=":id/done" element={<SubmittedPage />} />
      <Route path="*" element={<Navigate to="/m/demands" replace />} />
    </Routes>
  );
}
