import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../api/client.ts';
import { issueText } from '../lib/errors.ts';
import { useLang } from '../lib/lang.ts';

/** Server issues that have no field in the form (e.g. "exactly one head"), listed above the buttons. */
export function FormIssues({ issues }: { issues: FieldIssue[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (issues.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="form-errors"
      style={{ marginBottom: 16 }}
      title={t('common.formErrors')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {issues.map((i) => (
            <li key={`${i.field}:${i.message}`}>{issueText(i, lang)}</li>
          ))}
        </ul>
      }
    />
  );
}
