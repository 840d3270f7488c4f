import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useNotify } from '../feedback';

/**
 * The submit of a form dialog: checks the fields (an invalid form shows its messages and sends
 * nothing), runs `send` with the values, then says it worked (`success` text, or none with `false`).
 * A refusal from the server lands on the fields it names (problem+json) and in a notice for the rest.
 * `busy` is true while sending, for the OK button's spinner.
 */
export function useFormSubmit<V>(form: FormInstance<V>, send: (values: V) => Promise<unknown>, opts: { success?: string | false } = {}) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await send(values);
      if (opts.success !== false) notify.success(opts.success);
    } catch (err) {
      notify.error(err, form);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
