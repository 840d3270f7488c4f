import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { Activity, SignupState, WishState, RegistrationState } from './types';

const SIGNUP_COLORS: Record<SignupState, string> = { signed_up: 'blue', cancelled: 'default', checked_in: 'orange', checked_out: 'green' };
const WISH_COLORS: Record<WishState, string> = {
  pending_review: 'gold', open: 'blue', rejected: 'default', claimed: 'orange', fulfilled: 'cyan', confirmed: 'green',
};
const REG_COLORS: Record<RegistrationState, string> = { pending: 'gold', confirmed: 'green', returned: 'red', withdrawn: 'default' };

export function SignupTag({ state, testId }: { state: SignupState; testId?: string }) {
  const { tx } = useI18n();
  return <Tag color={SIGNUP_COLORS[state]} data-testid={testId}>{tx('signup.state', state)}</Tag>;
}

export function WishTag({ state, testId }: { state: WishState; testId?: string }) {
  const { tx } = useI18n();
  return <Tag color={WISH_COLORS[state]} data-testid={testId}>{tx('wish.state', state)}</Tag>;
}

export function RegistrationTag({ state, testId }: { state: RegistrationState; testId?: string }) {
  const { tx } = useI18n();
  return <Tag color={REG_COLORS[state]} data-testid={testId}>{tx('registration.state', state)}</Tag>;
}

export function ActivityStateTag({ activity }: { activity: Activity }) {
  const { tx } = useI18n();
  if (activity.state === 'published') return null;
  return <Tag color={activity.state === 'cancelled' ? 'default' : 'green'}>{tx('activity.state', activity.state)}</Tag>;
}

export function KindTag({ kind }: { kind: Activity['kind'] }) {
  const { tx } = useI18n();
  return <Tag color={kind === 'theme_party_day' ? 'red' : kind === 'service' ? 'purple' : 'geekblue'}>{tx('activity.kind', kind)}</Tag>;
}
