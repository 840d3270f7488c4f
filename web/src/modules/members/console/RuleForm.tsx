import { Alert, Checkbox, Form, InputNumber, Modal, Select } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import type { PointsRule } from '../shared/types';

interface Values {
  points: number;
  uncapped: boolean;
  monthlyCap: number | null;
  expiry: PointsRule['expiry'];
}

/** Changes one rule of the district: the server closes the version in force and opens a new one. */
export function RuleForm({ districtId, code, current, onClose, onDone }: {
  districtId: string; code: PointsRule['code'] | null; current: PointsRule | undefined; onClose: () => void; onDone: () => void;
}) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<Values>();
  const uncapped = Form.useWatch('uncapped', form);

  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api(`/api/points/rules/${code}`, { method: 'PUT', body: { districtId, points: v.points, monthlyCap: v.uncapped ? null : v.monthlyCap, expiry: v.expiry } });
    onDone();
  }, { success: t('rules.saved') });

  return (
    <Modal open={!!code} title={t('rules.editTitle', { rule: tx('points.rule', code) })} onCancel={onClose} onOk={submit} confirmLoading={busy}
      okText={t('rules.save')} okButtonProps={{ 'data-testid': 'rule-form-submit' }} destroyOnHidden>
      <Alert type="info" showIcon title={t('rules.versionHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}
        initialValues={{ points: current?.points ?? 0, uncapped: (current?.monthlyCap ?? null) === null, monthlyCap: current?.monthlyCap ?? undefined, expiry: current?.expiry ?? 'none' }}>
        <Form.Item name="points" label={code === 'service_hour' ? t('rules.pointsPerHour') : t('rules.pointsPerTime')} rules={[{ required: true }]}>
          <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} data-testid="rule-form-points" />
        </Form.Item>
        <Form.Item label={t('rules.monthlyCap')} style={{ marginBottom: 0 }}>
          <Form.Item name="uncapped" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid="rule-form-uncapped">{t('rules.noCap')}</Checkbox>
          </Form.Item>
          {!uncapped && (
            <Form.Item name="monthlyCap" rules={[{ required: true }]}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="rule-form-cap" />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item name="expiry" label={t('rules.expiry')} rules={[{ required: true }]}>
          <Select data-testid="rule-form-expiry"
            options={(['none', 'annual'] as const).map((e) => ({ value: e, label: <span data-testid={`rule-form-expiry-${e}`}>{tx('rules.expiry', e)}</span> }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
