import { useEffect, useState, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { CloseOutlined, FullscreenOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { api } from '../api';
import { useProblemText } from '../feedback';
import { useI18n } from '../i18n';
import './venue.css';

/** A venue code as the server hands it out: the code, the address a phone opens, and when it stops being accepted. */
export interface VenueCode {
  code: string;
  /** Where a phone lands; absent when the screen builds the address itself (`urlOf`). */
  url?: string;
  expiresAt: string;
}

/** Fetch the next code a little before the current one expires, so the screen never shows a dead code. */
const REFRESH_EARLY_MS = 2_000;

function useRotatingCode(codePath: string) {
  const [code, setCode] = useState<VenueCode | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    const load = async () => {
      try {
        const next = await api<VenueCode>(codePath);
        if (!live) return;
        setCode(next);
        setError(null);
        const wait = new Date(next.expiresAt).getTime() - Date.now() - REFRESH_EARLY_MS;
        timer = window.setTimeout(load, Math.max(1_000, wait));
      } catch (err) {
        if (!live) return;
        setError(err);
        timer = window.setTimeout(load, 5_000);
      }
    };
    void load();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [codePath]);
  return { code, error };
}

function useSecondsLeft(expiresAt: string | undefined) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(id);
  }, []);
  return expiresAt ? Math.max(0, Math.round((new Date(expiresAt).getTime() - now) / 1000)) : 0;
}

interface Props {
  /** The GET route answering the current VenueCode. */
  codePath: string;
  title: string;
  sub: string;
  hint: string;
  onClose: () => void;
  /** The address the QR code holds, when the server answers only the code. */
  urlOf?: (code: string) => string;
  /** Shows the code in letters too, for those who type it instead of scanning. */
  showCode?: boolean;
  children?: ReactNode;
}

/** 现场签到码: a full-screen QR code of the sign-in address on this host, redrawn before it expires. */
export function VenueScreen({ codePath, title, sub, hint, onClose, urlOf, showCode, children }: Props) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const { code, error } = useRotatingCode(codePath);
  const [image, setImage] = useState<string>('');
  const url = code ? new URL(urlOf ? urlOf(code.code) : (code.url ?? ''), window.location.origin).toString() : '';
  const left = useSecondsLeft(code?.expiresAt);

  useEffect(() => {
    if (!url) return;
    let live = true;
    QRCode.toDataURL(url, { width: 720, margin: 1, errorCorrectionLevel: 'M' }).then((d) => live && setImage(d));
    return () => {
      live = false;
    };
  }, [url]);

  const close = () => (document.fullscreenElement ? document.exitFullscreen() : onClose());

  return (
    <div className="gz-venue" data-testid="venue">
      <div className="gz-venue-bar">
        <Button type="text" icon={<FullscreenOutlined />} onClick={() => document.documentElement.requestFullscreen?.()} data-testid="venue-fullscreen" aria-label={t('venue.fullscreen')} />
        <Button type="text" icon={<CloseOutlined />} onClick={close} data-testid="venue-close" aria-label={t('common.close')} />
      </div>
      <h1 className="gz-venue-title" data-testid="venue-title">{title}</h1>
      <div className="gz-venue-sub">{sub}</div>
      {error && !code ? (
        <Result status="error" subTitle={<span data-testid="venue-error">{problemText(error)}</span>} />
      ) : (
        <>
          <div className="gz-venue-qr">
            {image && <img src={image} alt={t('venue.alt')} data-testid="venue-qr" data-url={url} />}
          </div>
          {showCode && code && <div className="gz-venue-code" data-testid="venue-code">{code.code}</div>}
          <div className="gz-venue-hint">{hint}</div>
          <div className="gz-venue-expiry" data-testid="venue-expiry">{t('venue.refreshIn', { seconds: left })}</div>
          {error ? <div className="gz-venue-warn" data-testid="venue-error">{problemText(error)}</div> : null}
        </>
      )}
      {children}
    </div>
  );
}
