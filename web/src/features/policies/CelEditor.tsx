// The CEL editor of a policy's eligibility: a monospace text area checked as one types (debounced)
// and on "校验" through validate-expression; each issue is shown under the editor as "第 L 行第 C 列：…"
// with its line and a caret under the column (a click selects the spot), and beside it the documented
// context (CEL_CONTEXT) whose fields insert at the cursor.
import {
  Alert,
  Button,
  Col,
  type GetRef,
  Input,
  Row,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CEL_CONTEXT, type CelField, type PolicySubject } from '../../../../contracts/policies.ts';
import { type CelIssue, policiesApi } from '../../api/policies.ts';
import { errorText } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { caretMarker, insertSnippet, offsetOf, sortIssues } from './celModel.ts';

const DEBOUNCE_MS = 600;
const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace";

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'ok' }
  | { state: 'bad'; issues: CelIssue[] }
  | { state: 'failed'; error: unknown };

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  subject: PolicySubject;
  /** Issues of a refused save: shown like the editor's own until the text changes. */
  serverIssues?: CelIssue[] | null;
  disabled?: boolean;
};

export function CelEditor({ id, value = '', onChange, subject, serverIssues, disabled }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const area = useRef<GetRef<typeof Input.TextArea>>(null);
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const validate = useCallback(
    async (expression: string) => {
      abort.current?.abort();
      if (!expression.trim()) {
        setCheck({ state: 'idle' });
        return;
      }
      const ctl = new AbortController();
      abort.current = ctl;
      setCheck({ state: 'checking' });
      try {
        const r = await policiesApi.validate({ expression, subject }, ctl.signal);
        if (ctl.signal.aborted) return;
        setCheck(
          r.ok && r.issues.length === 0 ? { state: 'ok' } : { state: 'bad', issues: sortIssues(r.issues) },
        );
      } catch (e) {
        if (ctl.signal.aborted || (e as Error).name === 'AbortError') return;
        setCheck({ state: 'failed', error: e });
      }
    },
    [subject],
  );

  // Checked as one types: the last text after a pause of DEBOUNCE_MS.
  useEffect(() => {
    if (disabled) return;
    const timer = setTimeout(() => void validate(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, validate, disabled]);
  useEffect(() => () => abort.current?.abort(), []);

  // A refused save shows the server's issues at once.
  useEffect(() => {
    if (serverIssues && serverIssues.length > 0) {
      abort.current?.abort();
      setCheck({ state: 'bad', issues: sortIssues(serverIssues) });
    }
  }, [serverIssues]);

  const textarea = () => area.current?.resizableTextArea?.textArea ?? null;

  const select = (issue: CelIssue) => {
    const el = textarea();
    if (!el) return;
    const at = offsetOf(value, issue.line, issue.column);
    el.focus();
    el.setSelectionRange(at, Math.min(at + 1, value.length));
  };

  const insert = (path: string) => {
    const el = textarea();
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = insertSnippet(value, start, end, path);
    onChange?.(next.text);
    requestAnimationFrame(() => {
      const a = textarea();
      if (!a) return;
      a.focus();
      a.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const issues = check.state === 'bad' ? check.issues : [];
  const columns: TableColumnsType<CelField> = [
    {
      title: t('policies.cel.path'),
      dataIndex: 'path',
      width: '38%',
      render: (path: string) => (
        <Button
          type="link"
          size="small"
          style={{
            padding: 0,
            height: 'auto',
            fontFamily: MONO,
            whiteSpace: 'normal',
            wordBreak: 'break-all',
            textAlign: 'left',
          }}
          disabled={disabled}
          onClick={() => insert(path)}
          aria-label={t('policies.cel.insert', { path })}
          data-testid={`cel-field-${path}`}
        >
          {path}
        </Button>
      ),
    },
    { title: t('policies.cel.type'), dataIndex: 'type', width: 100, render: (v: string) => <code>{v}</code> },
    { title: t('policies.cel.meaning'), key: 'm', render: (_, f) => (lang === 'en' ? f.en : f.zh) },
    {
      title: t('policies.cel.values'),
      key: 'v',
      render: (_, f) => f.values?.map((v) => <Tag key={v}>{v}</Tag>),
    },
  ];

  return (
    <Row gutter={[16, 12]}>
      <Col xs={24} xl={13}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            id={id}
            ref={area}
            value={value}
            onChange={(e) => onChange?.(e.target.value)}
            disabled={disabled}
            autoSize={{ minRows: 6, maxRows: 18 }}
            spellCheck={false}
            status={issues.length > 0 ? 'error' : undefined}
            style={{ fontFamily: MONO }}
            placeholder={t('policies.cel.examples')}
            aria-label={t('policies.cel.editorLabel')}
            aria-invalid={issues.length > 0}
            aria-describedby="cel-check"
            data-testid="cel-editor"
          />
          <Space wrap>
            <Button
              onClick={() => void validate(value)}
              loading={check.state === 'checking'}
              disabled={disabled}
              data-testid="cel-validate"
            >
              {t('policies.cel.validate')}
            </Button>
            <span id="cel-check" aria-live="polite" data-testid="cel-status">
              {check.state === 'ok' && <Tag color="green">{t('policies.cel.ok')}</Tag>}
              {check.state === 'checking' && <Tag>{t('policies.cel.validating')}</Tag>}
              {check.state === 'bad' && <Tag color="red">{t('policies.cel.issuesTitle')}</Tag>}
              {check.state === 'idle' && !disabled && <Tag>{t('policies.cel.unchecked')}</Tag>}
            </span>
          </Space>
          {check.state === 'failed' && <Alert type="warning" showIcon title={errorText(check.error, lang)} />}
          {issues.length > 0 && (
            <div role="alert" data-testid="cel-issues">
              {issues.map((i) => {
                const m = caretMarker(value, i);
                return (
                  <div
                    key={`${i.line}:${i.column}:${i.message}`}
                    data-testid="cel-issue"
                    data-line={i.line}
                    data-column={i.column}
                    style={{ marginBottom: 8 }}
                  >
                    <Button type="link" danger size="small" style={{ padding: 0 }} onClick={() => select(i)}>
                      {t('policies.cel.issue', {
                        line: i.line,
                        column: i.column,
                        message: lang === 'en' ? i.messageEn : i.message,
                      })}
                    </Button>
                    <pre
                      style={{
                        fontFamily: MONO,
                        margin: 0,
                        padding: '4px 8px',
                        background: 'rgba(255,77,79,0.06)',
                      }}
                      aria-hidden
                    >
                      {`${m.text}\n`}
                      <Typography.Text type="danger" style={{ fontFamily: MONO }}>
                        {m.caret}
                      </Typography.Text>
                    </pre>
                  </div>
                );
              })}
            </div>
          )}
        </Space>
      </Col>
      <Col xs={24} xl={11}>
        <Typography.Text strong>{t('policies.cel.contextTitle')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('policies.cel.contextHint')} {t(`policies.subjectHint.${subject}`)}
        </Typography.Paragraph>
        <Table
          rowKey="path"
          size="small"
          pagination={false}
          scroll={{ y: 360 }}
          dataSource={CEL_CONTEXT as CelField[]}
          columns={columns}
          data-testid="cel-context"
        />
      </Col>
    </Row>
  );
}
