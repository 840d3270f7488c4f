import { useState } from 'react';
import { Button, Card, Drawer, Empty } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../app/useIsMobile';
import { TerritoryTree } from './TerritoryTree';
import { NodeView } from './NodeView';

/** The navigator (tree + search) beside the page of the chosen node. */
export default function TerritoryPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [path, setPath] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  const [treeOpen, setTreeOpen] = useState(false);
  const first = useSession().grants[0];

  const select = (nodeId: string) => {
    setTreeOpen(false);
    navigate(`/console/territory/${nodeId}`);
  };

  // The navigator opens on the caller's own node rather than an empty page.
  if (!id && first) return <Navigate to={`/console/territory/${first.territoryId}`} replace />;

  const tree = <TerritoryTree selectedId={id} path={path} onSelect={select} version={version} />;

  if (isMobile) {
    return (
      <div>
        <h1 className="gz-page-title">{t('territory.title')}</h1>
        {id ? (
          <>
            <Button icon={<ApartmentOutlined aria-hidden />} block onClick={() => setTreeOpen(true)} data-testid="tree-open" style={{ marginBottom: 12 }}>
              {t('territory.tree')}
            </Button>
            <Drawer open={treeOpen} onClose={() => setTreeOpen(false)} placement="left" size="88%" title={t('territory.tree')}>
              {tree}
            </Drawer>
            <NodeView id={id} onPath={setPath} onTreeChanged={() => setVersion((v) => v + 1)} />
          </>
        ) : (
          <Card>{tree}</Card>
        )}
      </div>
    );
  }

  return (
    <div>
      <h1 className="gz-page-title">{t('territory.title')}</h1>
      <div className="gz-split">
        <Card styles={{ body: { padding: 12 } }} style={{ position: 'sticky', top: 72, maxHeight: 'calc(100vh - 96px)', overflow: 'auto' }}>
          {tree}
        </Card>
        <div style={{ minWidth: 0 }}>
          {id ? (
            <NodeView id={id} onPath={setPath} onTreeChanged={() => setVersion((v) => v + 1)} />
          ) : (
            <Card>
              <Empty description={t('territory.pick')} />
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
