import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useNotify } from '../../app/feedback';
import { useI18n } from '../../app/i18n';
import { useFetch } from '../../app/useFetch';
import { ErrorState, Loading } from '../../app/ui/States';
import { POSITIONS, type BodyDetail, type BodyMember } from '../../app/types';
import { PersonDrawer } from '../people/PersonDrawer';
import { PersonPicker } from './PersonPicker';

export default function BodyPage() {
  const { id } = useParams();
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const { modal } = App.useApp();
  const { data: body, error, loading, reload } = useFetch<BodyDetail>(`/api/bodies/${id}`);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [personId, setPersonId] = useState<string | null>(null);
  const [form] = Form.useForm<{ personId: string; position: string }>();

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !body) return <Loading />;
  if (!body) return null;
  const canWrite = can('body.write');

  const add = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api(`/api/bodies/${body.id}/members`, { method: 'POST', body: v });
      notify.success();
      setAdding(false);
      reload();
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };

  const end = (m: BodyMember) =>
    modal.confirm({
      title: t('bodies.endMember'),
      content: t('bodies.endMemberConfirm', { name: m.name }),
      okButtonProps: { danger: true, 'data-testid': 'member-end-confirm' },
      onOk: async () => {
        try {
          await api(`/api/bodies/${body.id}/members/${m.id}`, { method: 'DELETE' });
          notify.success();
          reload();
        } catch (err) {
          notify.error(err);
        }
      },
    });

  return (
    <div>
      <h1 className="gz-page-title">
        <span data-testid="body-name">{body.name}</span> <Tag color="red">{tx('body', body.kind)}</Tag>
      </h1>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('common.kind')}>{tx('body', body.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('bodies.territory')}>
            <Link to={`/console/territory/${body.territoryId}`}>{body.territoryName}</Link>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={`${t('bodies.members')} · ${body.members.length}`}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => { form.resetFields(); setAdding(true); }} data-testid="member-add">
              {t('bodies.addMember')}
            </Button>
          )
        }
      >
        <Table<BodyMember>
          data-testid="members-table"
          rowKey="id"
          size="middle"
          dataSource={body.members}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('people.col.name'),
              dataIndex: 'name',
              render: (name: string, m) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setPersonId(m.personId)}>{name}</Button>
              ),
            },
            { title: t('bodies.position'), dataIndex: 'position', width: 120, render: (p: string) => tx('position', p) },
            { title: t('bodies.since'), dataIndex: 'since', width: 120, render: (s: string) => s?.slice(0, 10) },
            ...(canWrite
              ? [{
                  title: t('common.actions'),
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, m: BodyMember) => (
                    <Button danger size="small" onClick={() => end(m)} data-testid={`member-end-${m.id}`}>
                      {t('bodies.endMember')}
                    </Button>
                  ),
                }]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={adding}
        title={t('bodies.addMember')}
        onCancel={() => setAdding(false)}
        onOk={add}
        confirmLoading={busy}
        okText={t('common.save')}
        okButtonProps={{ 'data-testid': 'member-form-submit' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark={false} initialValues={{ position: 'member' }}>
          <Form.Item name="personId" label={t('bodies.person')} rules={[{ required: true }]}>
            <PersonPicker />
          </Form.Item>
          <Form.Item name="position" label={t('bodies.position')} rules={[{ required: true }]}>
            <Select data-testid="member-position" options={POSITIONS.map((p) => ({ value: p, label: tx('position', p) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} />
    </div>
  );
}
