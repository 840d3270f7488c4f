import { useState } from 'react';
import { Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import type { Items } from '../../../app/types';
import type { DemandCategory, DemandDetail } from '../shared/types';
import { CategoryPicker } from './CategoryPicker';
import { PhotoPicker } from './PhotoPicker';
import { MAX_PHOTOS } from './photos';
import { PlacePicker, type Place } from './PlacePicker';
import type { PortalPlace } from './types';

const MAX_DESCRIPTION = 1000;

interface Fields {
  categoryId: string;
  description: string;
}

/** Uploads the photos one by one after the demand exists; returns how many did not go up. */
async function uploadPhotos(demandId: string, photos: File[]): Promise<number> {
  let failed = 0;
  for (const photo of photos) {
    const body = new FormData();
    body.append('photo', photo);
    await api(`/api/demands/${demandId}/photos`, { method: 'POST', body }).catch(() => (failed += 1));
  }
  return failed;
}

/** 我要反映: a category, what is wrong, photos and the place; the answer is the demand's number. */
export default function ReportPage({ community, home }: PortalPlace) {
  const { t } = useI18n();
  const notify = useNotify();
  const navigate = useNavigate();
  const [form] = Form.useForm<Fields>();
  const categories = useFetch<Items<DemandCategory>>('/api/demand-categories');
  const [photos, setPhotos] = useState<File[]>([]);
  const [place, setPlace] = useState<Place>({ territoryId: null, address: '', lat: null, lng: null });
  const [busy, setBusy] = useState(false);

  if (categories.error) return <ErrorState error={categories.error} onRetry={categories.reload} />;
  if (!categories.data) return <Loading />;

  const submit = async (v: Fields) => {
    setBusy(true);
    try {
      const created = await api<DemandDetail>('/api/demands', {
        method: 'POST',
        body: {
          categoryId: v.categoryId,
          description: v.description.trim(),
          territoryId: place.territoryId ?? undefined,
          address: place.address.trim() || undefined,
          lat: place.lat ?? undefined,
          lng: place.lng ?? undefined,
        },
      });
      const failed = await uploadPhotos(created.id, photos);
      navigate(`/m/demands/${created.id}/done`, { replace: true, state: { failed } });
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} data-testid="m-demand-form" className="gz-dm-form">
      <Card size="small" className="gz-m-card">
        <Form.Item name="categoryId" label={t('m.demand.category')} rules={[{ required: true, message: t('m.demand.categoryRequired') }]}>
          <CategoryPicker categories={categories.data.items.filter((c) => !c.retired)} />
        </Form.Item>
      </Card>
      <Card size="small" className="gz-m-card">
        <Form.Item name="description" label={t('m.demand.description')}
          rules={[{ required: true, whitespace: true, min: 5, message: t('m.demand.descriptionRequired') }]}>
          <Input.TextArea rows={4} maxLength={MAX_DESCRIPTION} showCount placeholder={t('m.demand.descriptionPlaceholder')}
            data-testid="m-demand-description" />
        </Form.Item>
        <Form.Item label={t('m.demand.photos', { max: MAX_PHOTOS })} style={{ marginBottom: 0 }}>
          <PhotoPicker value={photos} onChange={setPhotos} />
        </Form.Item>
      </Card>
      <Card size="small" className="gz-m-card">
        <Form.Item label={t('m.demand.place')} style={{ marginBottom: 0 }}>
          <PlacePicker community={community} home={home} value={place} onChange={setPlace} />
        </Form.Item>
      </Card>
      <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="m-demand-submit" className="gz-dm-submit">
        {busy ? t('m.demand.submitting') : t('m.demand.submit')}
      </Button>
    </Form>
  );
}
