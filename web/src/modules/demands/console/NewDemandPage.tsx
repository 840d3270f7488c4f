import { useState } from 'react';
import { Button, Card, Form, Input, Radio, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { CameraOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../app/api';
import { useAuth, useSession } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import type { Items, Role } from '../../../app/types';
import { MapPointPicker } from '../../../app/ui/MapPointPicker';
import { mapLabel } from '../../../app/ui/map-settings';
import { PersonPicker } from '../../bodies/PersonPicker';
import { useGrantNodes } from '../../members/shared/grantNodes';
import { CHANNELS, type Channel, type DemandCategory, type DemandDetail } from '../shared/types';
import { PlaceSelect } from './PlaceSelect';
import './demands-console.css';

interface Values {
  categoryId: string;
  title?: string;
  description: string;
  territoryId?: string;
  room?: string;
  address?: string;
  /** WGS-84, from the map. */
  point?: { lat: number; lng: number } | null;
  who: 'person' | 'contact';
  reporterPersonId?: string;
  contactName?: string;
  contactPhone?: string;
  channel: Channel;
}

/** Where a demand logged in the console usually came from, by the role of the one logging it. */
const CHANNEL_OF: Partial<Record<Role, Channel>> = { grid_worker: 'grid_visit', deputy: 'deputy_reception' };
const STAFF_CHANNELS: Channel[] = CHANNELS.filter((c) => c !== 'portal' && c !== 'open311' && c !== 'hotline_12345');

/** 登记诉求: a worker takes a phone call, a grid worker a visit, a deputy a reception day. */
export default function NewDemandPage() {
  const { t, tx, lang } = useI18n();
  const [mapOpen, setMapOpen] = useState(false);
  const { can } = useAuth();
  const session = useSession();
  const navigate = useNavigate();
  const notify = useNotify();
  const nodes = useGrantNodes();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const categories = useFetch<Items<DemandCategory>>('/api/demand-categories');
  const who = Form.useWatch('who', form);
  const canSearchPeople = can('person.read');
  const defaultChannel = session.grants.map((g) => CHANNEL_OF[g.role]).find(Boolean) ?? 'phone';

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const created = await api<DemandDetail>('/api/demands', {
        method: 'POST',
        body: {
          categoryId: v.categoryId,
          description: v.description.trim(),
          title: v.title?.trim() || undefined,
          territoryId: v.territoryId,
          room: v.room?.trim() || undefined,
          address: v.address?.trim() || undefined,
          lat: v.point?.lat,
          lng: v.point?.lng,
          channel: v.channel,
          ...(v.who === 'person'
            ? { reporterPersonId: v.reporterPersonId }
            : { contactName: v.contactName?.trim() || undefined, contactPhone: v.contactPhone?.trim() || undefined }),
        },
      });
      let photoFailed: unknown = null;
      for (const p of photos) {
        const fd = new FormData();
        fd.append('photo', p.originFileObj as File);
        try {
          await api(`/api/demands/${created.id}/photos`, { method: 'POST', body: fd });
        } catch (err) {
          photoFailed = err;
        }
      }
      if (photoFailed) notify.error(photoFailed);
      else notify.success(t('dc.created', { no: created.no }));
      navigate(`/console/demands/${created.id}`, { replace: true });
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <h1 className="gz-page-title">{t('dc.newTitle')}</h1>
      <Card style={{ maxWidth: 720 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          initialValues={{ who: canSearchPeople ? 'person' : 'contact', channel: defaultChannel }}
          data-testid="demand-form"
        >
          <Form.Item name="channel" label={t('dc.channel')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" data-testid="demand-form-channel"
              options={STAFF_CHANNELS.map((c) => ({ value: c, label: tx('demand.channel', c) }))} />
          </Form.Item>
          <Form.Item name="categoryId" label={t('dc.category')} rules={[{ required: true, message: t('dc.pickCategory') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={categories.loading}
              placeholder={t('dc.pickCategory')}
              data-testid="demand-form-category"
              options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.groupName ? `${c.name}（${c.groupName}）` : c.name }))}
            />
          </Form.Item>
          <Form.Item name="description" label={t('dc.description')} rules={[{ required: true, whitespace: true, message: t('dc.textRequired') }, { max: 2000 }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="demand-form-description" placeholder={t('dc.descriptionHint')} />
          </Form.Item>
          <Form.Item name="title" label={t('dc.titleOptional')} rules={[{ max: 40 }]}>
            <Input maxLength={40} data-testid="demand-form-title" placeholder={t('dc.titleHint')} />
          </Form.Item>
          <Form.Item name="territoryId" label={t('dc.place')} rules={[{ required: true, message: t('dc.placeSearch') }]} extra={t('dc.placeHint')}>
            <PlaceSelect initial={nodes} />
          </Form.Item>
          <Form.Item name="room" label={t('dc.room')} rules={[{ max: 40 }]}>
            <Input maxLength={40} data-testid="demand-form-room" />
          </Form.Item>
          <Form.Item name="address" label={t('dc.address')} rules={[{ max: 200 }]}>
            <Input maxLength={200} data-testid="demand-form-address" />
          </Form.Item>
          {mapOpen ? (
            <Form.Item name="point" label={mapLabel(lang, 'where')}>
              <MapPointPicker value={null} onChange={() => {}} testId="demand-form-map" />
            </Form.Item>
          ) : (
            <Form.Item>
              <Button icon={<EnvironmentOutlined />} onClick={() => setMapOpen(true)} data-testid="demand-form-map-open">{mapLabel(lang, 'open')}</Button>
            </Form.Item>
          )}
          <Form.Item name="who" label={t('dc.reporter')}>
            <Radio.Group data-testid="demand-form-who" options={[
              ...(canSearchPeople ? [{ value: 'person', label: t('dc.reporterPerson') }] : []),
              { value: 'contact', label: t('dc.reporterContact') },
            ]} />
          </Form.Item>
          {who === 'person' ? (
            <Form.Item name="reporterPersonId" label={t('dc.resident')} rules={[{ required: true, message: t('dc.pickResident') }]}>
              <PersonPicker />
            </Form.Item>
          ) : (
            <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
              <Form.Item name="contactName" label={t('dc.contactName')} rules={[{ max: 40 }]} style={{ flex: '1 1 200px' }}>
                <Input maxLength={40} data-testid="demand-form-contact-name" />
              </Form.Item>
              <Form.Item name="contactPhone" label={t('dc.contactPhone')} rules={[{ pattern: /^[0-9+\-\s]{5,20}$/, message: t('dc.phoneInvalid') }]} style={{ flex: '1 1 200px' }}>
                <Input inputMode="tel" maxLength={20} data-testid="demand-form-contact-phone" />
              </Form.Item>
            </div>
          )}
          <Form.Item label={t('dc.photos')} extra={t('dc.photosHint')}>
            <Upload accept="image/jpeg,image/png,image/webp" listType="picture" maxCount={9} multiple fileList={photos}
              beforeUpload={() => false} onChange={({ fileList }) => setPhotos(fileList)}>
              <Button icon={<CameraOutlined />} data-testid="demand-form-photos">{t('dc.addPhoto')}</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="demand-form-submit">{t('dc.submit')}</Button>
        </Form>
      </Card>
    </div>
  );
}
