import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Radio, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState } from '../../../app/ui/States';
import type { Items } from '../../../app/types';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import type { CalendarDay } from '../shared/types';

/** The days that break the Monday–Friday rule: public holidays on weekdays, and weekend days worked instead (调休). */
export function WorkCalendarPanel() {
  const { t, lang } = useI18n();
  const notify = useNotify();
  const { modal } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data, error, loading, reload } = useFetch<Items<CalendarDay>>('/api/work-calendar', { year });
  const [form] = Form.useForm<{ day: Dayjs; kind: 'holiday' | 'workday'; name?: string }>();

  const { busy, submit: add } = useFormSubmit(form, async (v) => {
    await api(`/api/work-calendar/${v.day.format('YYYY-MM-DD')}`, { method: 'PUT', body: { kind: v.kind, name: v.name?.trim() || undefined } });
    form.resetFields(['day', 'name']);
    if (v.day.year() !== year) setYear(v.day.year());
    else reload();
  });

  const remove = (d: CalendarDay) =>
    modal.confirm({
      title: t('dc.calendarRemove'),
      content: t('dc.calendarRemoveConfirm', { day: d.day }),
      okButtonProps: { danger: true, 'data-testid': 'calendar-remove-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api(`/api/work-calendar/${d.day}`, { method: 'DELETE' });
          notify.success();
        } catch (err) {
          notify.error(err);
        }
        reload();
      },
    });

  const weekday = (day: string) => new Date(`${day}T00:00:00`).toLocaleDateString(lang, { weekday: 'short' });

  return (
    <>
      <Form form={form} layout="inline" initialValues={{ kind: 'holiday' }} className="gz-toolbar" data-testid="calendar-form" style={{ rowGap: 8 }}>
        <Form.Item name="day" rules={[{ required: true, message: t('dc.calendarDay') }]}>
          <DatePicker placeholder={t('dc.calendarDay')} data-testid="calendar-form-day" />
        </Form.Item>
        <Form.Item name="kind">
          <Radio.Group optionType="button" data-testid="calendar-form-kind"
            options={[{ value: 'holiday', label: t('dc.calendar.holiday') }, { value: 'workday', label: t('dc.calendar.workday') }]} />
        </Form.Item>
        <Form.Item name="name" rules={[{ max: 40 }]}>
          <Input placeholder={t('dc.calendarName')} maxLength={40} style={{ width: 160 }} data-testid="calendar-form-name" />
        </Form.Item>
        <Button type="primary" onClick={add} loading={busy} data-testid="calendar-form-submit">{t('dc.calendarAdd')}</Button>
      </Form>
      <div className="gz-toolbar">
        <Select value={year} onChange={setYear} style={{ width: 120 }} data-testid="calendar-year"
          options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))} />
        <span style={{ color: '#888' }}>{t('dc.calendarHint')}</span>
      </div>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<CalendarDay>
          data-testid="calendar-table"
          rowKey="day"
          size="small"
          loading={loading}
          dataSource={[...(data?.items ?? [])].sort((a, b) => a.day.localeCompare(b.day))}
          pagination={false}
          scroll={{ x: 460 }}
          locale={{ emptyText: t('dc.calendarEmpty') }}
          onRow={(d) => ({ 'data-testid': `calendar-row-${d.day}` } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t('dc.calendarDay'), dataIndex: 'day', width: 150, render: (v: string) => <>{v} <span style={{ color: '#888' }}>{weekday(v)}</span></> },
            { title: t('common.kind'), dataIndex: 'kind', width: 100, render: (k: CalendarDay['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`dc.calendar.${k}`)}</Tag> },
            { title: t('common.name'), dataIndex: 'name' },
            { title: t('common.actions'), key: 'x', width: 90, render: (_: unknown, d) => <Button size="small" danger onClick={() => remove(d)} data-testid={`calendar-remove-${d.day}`}>{t('dc.calendarRemove')}</Button> },
          ]}
        />
      )}
    </>
  );
}
