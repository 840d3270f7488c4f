import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { checkPhotos, MAX_PHOTOS, PHOTO_TYPES, type PhotoProblem } from './photos';

/** Photos taken or picked on the phone, checked for type and size before anything is sent. */
export function PhotoPicker({ value, onChange }: { value: File[]; onChange: (files: File[]) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<PhotoProblem[]>([]);
  const previews = useMemo(() => value.map((f) => URL.createObjectURL(f)), [value]);
  useEffect(() => () => previews.forEach((u) => URL.revokeObjectURL(u)), [previews]);

  const pick = (list: FileList | null) => {
    const { accepted, problems: found } = checkPhotos(value.length, Array.from(list ?? []));
    setProblems(found);
    if (accepted.length) onChange([...value, ...accepted]);
    if (input.current) input.current.value = '';
  };

  return (
    <div>
      <div className="gz-dm-photos" data-testid="m-demand-photos">
        {previews.map((src, i) => (
          <div key={src} className="gz-dm-photo" data-testid={`m-demand-photo-${i}`}>
            <img src={src} alt="" />
            <button type="button" aria-label={t('m.demand.photoRemove')} onClick={() => onChange(value.filter((_, j) => j !== i))}
              data-testid={`m-demand-photo-remove-${i}`}>
              <CloseOutlined />
            </button>
          </div>
        ))}
        {value.length < MAX_PHOTOS && (
          <Button className="gz-dm-photo-add" onClick={() => input.current?.click()} data-testid="m-demand-photo-add">
            <CameraOutlined />
            <span>{t('m.demand.photoAdd')}</span>
          </Button>
        )}
      </div>
      <input ref={input} type="file" accept={PHOTO_TYPES.join(',')} multiple style={{ display: 'none' }} onChange={(e) => pick(e.target.files)}
        data-testid="m-demand-photo-input" />
      {problems.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="m-demand-photo-problems"
          title={problems.map((p, i) => <div key={i}>{t(p.key, p.vars)}</div>)} />
      )}
    </div>
  );
}
