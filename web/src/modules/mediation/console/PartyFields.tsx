import { Form, Input, Radio } from 'antd';
import { useI18n } from '../../../app/i18n';
import { PersonPicker } from '../../bodies/PersonPicker';
import '../shared/mediation.css';

type Path = (string | number)[];

export interface PartyValues {
  side: 'applicant' | 'respondent';
  /** Picked from the people roster, or typed in (someone not on it). */
  who: 'person' | 'named';
  personId?: string;
  name?: string;
  phone?: string;
}

/** What the server takes for a party: a person of the roster by id, or a name with an optional phone. */
export const partyInput = (p: PartyValues) =>
  p.who === 'person' ? { side: p.side, personId: p.personId } : { side: p.side, name: p.name?.trim(), phone: p.phone?.trim() || null };

/** The roster's person picker as a form field, under its own test id (a case has several parties). */
function RosterPerson({ value, onChange, testId }: { value?: string; onChange?: (id: string) => void; testId: string }) {
  return <div data-testid={testId}><PersonPicker value={value} onChange={onChange} /></div>;
}

/**
 * Who a party is: a person found in the roster (shown masked, as the people module shows them) or a
 * name and phone typed in. `at` names the fields inside the form (or its list), `full` the same from
 * the form's root, for reading the choice back.
 */
export function PartyFields({ at, full, testId }: { at: Path; full: Path; testId: string }) {
  const { t } = useI18n();
  const required = [{ required: true, whitespace: true, message: t('charter.required') }];
  return (
    <>
      <Form.Item name={[...at, 'who']} label={t('mediation.partyWho')}>
        <Radio.Group optionType="button" size="small" data-testid={`${testId}-who`}
          options={[{ value: 'person', label: t('mediation.partyFromRoster') }, { value: 'named', label: t('mediation.partyTyped') }]} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(form) => form.getFieldValue([...full, 'who']) === 'person' ? (
          <Form.Item name={[...at, 'personId']} label={t('mediation.partyPerson')} rules={[{ required: true, message: t('charter.required') }]}>
            <RosterPerson testId={`${testId}-person`} />
          </Form.Item>
        ) : (
          <div className="gz-party-typed">
            <Form.Item name={[...at, 'name']} label={t('mediation.partyName')} rules={required}><Input maxLength={40} data-testid={`${testId}-name`} /></Form.Item>
            <Form.Item name={[...at, 'phone']} label={t('mediation.partyPhone')}><Input maxLength={20} inputMode="tel" data-testid={`${testId}-phone`} /></Form.Item>
          </div>
        )}
      </Form.Item>
    </>
  );
}
