// 校验审计链: recomputes the hash chain on the server and shows what it found.
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../api/ops.ts';
import type { AuditVerifyResult } from '../../api/types.ts';
import { useErrorNotifier } from '../../lib/errors.ts';

export function AuditVerifyButton({ onResult }: { onResult: (r: AuditVerifyResult) => void }) {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      onResult(await auditApi.verify());
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="primary" loading={busy} onClick={() => void run()} data-testid="audit-verify">
      {t('audit.verify')}
    </Button>
  );
}

export function AuditVerifyResultView({
  result,
  onClose,
}: {
  result: AuditVerifyResult;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-verify-result"
        closable={{ onClose }}
        style={{ marginBottom: 16 }}
        title={t('audit.verifyOk', { rows: result.rows })}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      title={t('audit.verifyBad', { count: result.problems.length, rows: result.rows })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 240, overflow: 'auto' }}>
          {result.problems.map((p) => (
            <li key={`${p.seq}:${p.problem}`}>
              {t('audit.verifyProblemSeq', { seq: p.seq, problem: p.problem })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
