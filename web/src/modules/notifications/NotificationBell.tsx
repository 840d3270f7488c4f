import { useState } from 'react';
import { Badge, Button, Drawer, Empty, List } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useI18n, type MessageKey } from '../../app/i18n';
import { useIsMobile } from '../../app/useIsMobile';
import { fmtTime } from '../demands/shared/format';
import { renderNotice, type NoticeText } from './notice-text';
import type { Notice } from './types';
import { useNotifications } from './useNotifications';
import './notifications.css';

interface Props {
  /** `light` draws the bell white, for a coloured header (the portal's). */
  tone?: 'light' | 'dark';
  /** Rewrites a notice's link before following it (the portal keeps residents out of the console). */
  route?: (link: string) => string;
}

/** One notice in the drawer, in the reader's language. */
function NoticeItem({ notice: n, text, onOpen }: { notice: Notice; text: NoticeText; onOpen: (n: Notice) => void }) {
  return (
    <List.Item
      className={`gz-notice${n.readAt ? '' : ' unread'}`}
      onClick={() => onOpen(n)}
      data-testid={`notice-${n.id}`}
      data-read={n.readAt ? 'true' : 'false'}
      data-kind={n.kind}
    >
      <div className="gz-notice-text">
        <div className="gz-notice-title" data-testid={`notice-title-${n.id}`}>{text.title}</div>
        {text.body && <div className="gz-notice-body">{text.body}</div>}
        <div className="gz-notice-time">{fmtTime(n.createdAt)}</div>
      </div>
    </List.Item>
  );
}

/** The bell with the unread count; its drawer lists the latest notices, and tapping one marks it read and opens what it is about. */
export function NotificationBell({ tone = 'dark', route = (l) => l }: Props) {
  const { t, lang } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { items, unread, loaded, refresh, markRead, markAllRead } = useNotifications();

  // t() answers the key itself when the catalogue has no entry for it.
  const lookup = (key: string) => {
    const text = t(key as MessageKey);
    return text === key ? undefined : text;
  };

  const openDrawer = () => {
    setOpen(true);
    void refresh();
  };
  const follow = (n: Notice) => {
    void markRead(n);
    if (n.link) {
      setOpen(false);
      if (/^https?:\/\//.test(n.link)) window.location.assign(n.link);
      else navigate(route(n.link));
    }
  };

  return (
    <>
      <Badge className="gz-bell-badge" count={unread} overflowCount={99} size="small" data-testid="notice-count" data-count={unread}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined aria-hidden />}
          className={`gz-bell gz-bell-${tone}`}
          aria-label={unread ? `${t('notice.bell')} · ${t('notice.unread', { count: unread })}` : t('notice.bell')}
          onClick={openDrawer}
          data-testid="notice-bell"
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement={mobile ? 'bottom' : 'right'}
        size={mobile ? '80vh' : 400}
        title={t('notice.title')}
        extra={unread > 0 && (
          <Button size="small" onClick={() => void markAllRead()} data-testid="notice-read-all">{t('notice.readAll')}</Button>
        )}
        styles={{ body: { padding: '0 12px' } }}
        rootClassName="gz-notice-drawer"
      >
        {loaded && !items.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notice.none')} />
        ) : (
          <List
            data-testid="notice-list"
            dataSource={items}
            renderItem={(n) => <NoticeItem notice={n} text={renderNotice(n, lang, lookup)} onOpen={follow} />}
          />
        )}
      </Drawer>
    </>
  );
}
