import { useState } from 'react';
import { Segmented } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { MyDemands } from './MyDemands';
import { PublicBoard } from './PublicBoard';
import { ReportEntry } from './ReportEntry';
import type { PortalPlace } from './types';

type View = 'mine' | 'public';

/** The 诉求 tab: report, follow my own, and read what the community has done. */
export default function DemandsHome({ community }: PortalPlace) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<View>(params.get('view') === 'public' ? 'public' : 'mine');
  const change = (v: View) => {
    setView(v);
    setParams(v === 'mine' ? {} : { view: v }, { replace: true });
  };
  return (
    <>
      <ReportEntry testId="m-demands-entry" />
      <Segmented<View>
        block
        value={view}
        onChange={change}
        className="gz-m-segmented"
        data-testid="m-demands-view"
        options={(['mine', 'public'] as View[])
          .filter((v) => v === 'mine' || community)
          .map((v) => ({ value: v, label: <span data-testid={`m-demands-view-${v}`}>{t(`m.demand.view.${v}`)}</span> }))}
      />
      {view === 'mine' || !community ? <MyDemands /> : <PublicBoard communityId={community.id} />}
    </>
  );
}
