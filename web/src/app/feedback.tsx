import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api';
import { useI18n } from './i18n';

/** Turns any thrown error into something a person can act on: the server's localised detail. */
export function useProblemText(): (err: unknown) => string {
  const { t } = useI18n();
  return useCallback(
    (err: unknown) => {
      if (err instanceof ApiError) {
        if (err.status === 0) return t('error.network');
        return err.problem.detail || err.problem.title || t('error.unknown', { status: err.status });
      }
      return err instanceof Error ? err.message : String(err);
    },
    [t],
  );
}

export function useNotify() {
  const { notification, message } = App.useApp();
  const { t } = useI18n();
  const problemText = useProblemText();

  /** Shows the error; when a form is given, field errors are placed on its fields. */
  const error = useCallback(
    (err: unknown, form?: FormInstance) => {
      const fieldErrors = err instanceof ApiError ? err.fieldErrors.filter((e) => e.field) : [];
      const placed = new Set<string>();
      if (form && fieldErrors.length) {
        const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
        const fields = fieldErrors.filter((e) => known.has(e.field!));
        fields.forEach((e) => placed.add(e.field!));
        form.setFields(fields.map((e) => ({ name: e.field!, errors: [e.message] })));
      }
      const rest = fieldErrors.filter((e) => !placed.has(e.field!));
      notification.error({
        title: t('error.title'),
        description: (
          <div data-testid="error-notice">
            <div>{problemText(err)}</div>
            {rest.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                {rest.map((e, i) => (
                  <li key={i}>{e.field ? `${e.field}: ${e.message}` : e.message}</li>
                ))}
              </ul>
            )}
          </div>
        ),
      });
    },
    [notification, problemText, t],
  );

  const success = useCallback((text?: string) => message.success(text ?? t('common.done')), [message, t]);
  return { error, success };
}
