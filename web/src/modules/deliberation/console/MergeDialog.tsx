import { useState } from 'react';
import { Modal, Select } from 'antd';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import type { AgendaItemOut, Paged } from '../shared/types';

/** Merges a proposed item into another item of the same community that is still open. */
export function MergeDialog({ item, onClose, onDone }: { item: AgendaItemOut | null; onClose: () => void; onDone: () => void }) {
  const { t, tx } = useI18n();
  const notify = useNotify();
  const [intoId, setIntoId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const candidates = useFetch<Paged<AgendaItemOut>>(item ? '/api/agenda-items' : null, {
    state: 'proposed,accepted,scheduled', territoryId: item?.community.id, pageSize: 100,
  });
  const options = (candidates.data?.items ?? []).filter((c) => c.id !== item?.id);

  const submit = async () => {
    if (!item || !intoId) return;
    setBusy(true);
    try {
      await api(`/api/agenda-items/${item.id}/merge`, { method: 'POST', body: { intoId } });
      notify.success(t('dl.agenda.merged'));
      setIntoId(undefined);
      onDone();
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!item}
      title={t('dl.agenda.mergeTitle', { title: item?.title ?? '' })}
      onCancel={onClose}
      onOk={submit}
      okText={t('dl.agenda.merge')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !intoId, loading: busy, 'data-testid': 'agenda-merge-submit' }}
      destroyOnHidden
    >
      <p style={{ color: '#666' }}>{t('dl.agenda.mergeHint')}</p>
      <Select
        style={{ width: '100%' }}
        value={intoId}
        onChange={setIntoId}
        loading={candidates.loading}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('dl.agenda.mergeInto')}
        data-testid="agenda-merge-into"
        notFoundContent={t('dl.agenda.noMergeTarget')}
        options={options.map((c) => ({ value: c.id, label: `${c.title}（${tx('dl.agendaState', c.state)}）` }))}
      />
    </Modal>
  );
}
