import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, List, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { useNotify } from '../../app/feedback';
import { useI18n } from '../../app/i18n';
import { useFetch } from '../../app/useFetch';
import { ErrorState, Loading } from '../../app/ui/States';
import type { PersonDetail } from '../../app/types';

interface Revealed {
  idNumber: string;
  phone: string | null;
}

/** A person's record, masked; the full numbers only on request, and that request is audited. */
export function PersonView({ personId }: { personId: string }) {
  const { t, tx } = useI18n();
  const notify = useNotify();
  const { data: p, error, loading, reload } = useFetch<PersonDetail>(`/api/people/${personId}`);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setRevealed(null), [personId]);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !p) return <Loading />;

  const reveal = async () => {
    setBusy(true);
    try {
      setRevealed(await api<Revealed>(`/api/people/${personId}/reveal`, { method: 'POST' }));
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="person-detail">
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('people.col.name')}>
          <span data-testid="person-name">{p.name}</span>
          {p.isPartyMember && <Tag color="red" style={{ marginInlineStart: 8 }}>{t('role.party_member')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('people.col.gender')}>{tx('gender', p.gender)}</Descriptions.Item>
        <Descriptions.Item label={t('people.col.birthDate')}>{p.birthDate}</Descriptions.Item>
        <Descriptions.Item label={t('people.col.phone')}>
          <span className="gz-mono" data-testid="person-phone">{revealed ? revealed.phone : p.phone}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('people.col.idNumber')}>
          <span className="gz-mono" data-testid="person-id-number">{revealed ? revealed.idNumber : p.idNumber}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('people.col.territory')}>
          <Link to={`/console/territory/${p.territoryId}`}>{p.territoryName}</Link>
          {p.room ? ` ${p.room}` : ''}
        </Descriptions.Item>
        {p.isPartyMember && (
          <>
            <Descriptions.Item label={t('people.partyOrg')}>
              {p.partyOrg ? <Link to={`/console/bodies/${p.partyOrg.id}`}>{p.partyOrg.name}</Link> : t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.joinedParty')}>{p.joinedPartyOn ?? t('common.none')}</Descriptions.Item>
          </>
        )}
      </Descriptions>

      {revealed && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('people.revealNotice')} data-testid="reveal-notice" />
      )}
      {p.canReveal && !revealed && (
        <Button icon={<EyeOutlined aria-hidden />} onClick={reveal} loading={busy} style={{ marginTop: 12 }} data-testid="reveal-button">
          {t('people.reveal')}
        </Button>
      )}

      <Typography.Title level={5} style={{ marginTop: 20 }}>{t('people.household')}</Typography.Title>
      {p.household ? (
        <>
          <div style={{ marginBottom: 8 }}>
            {[p.household.address, p.household.address?.includes(p.household.room) ? null : p.household.room].filter(Boolean).join(' ')}
          </div>
          <List
            size="small"
            bordered
            dataSource={p.household.members}
            renderItem={(m) => (
              <List.Item>
                <span>{m.name}</span>
                <span style={{ color: '#888' }}>{m.relation}</span>
              </List.Item>
            )}
          />
        </>
      ) : (
        <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
      )}

      <Typography.Title level={5} style={{ marginTop: 20 }}>{t('people.memberships')}</Typography.Title>
      {p.memberships.length ? (
        <List
          size="small"
          bordered
          dataSource={p.memberships}
          renderItem={(m) => (
            <List.Item>
              <Link to={`/console/bodies/${m.bodyId}`}>{m.bodyName}</Link>
              <span>{tx('position', m.position)}</span>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
      )}
    </div>
  );
}
