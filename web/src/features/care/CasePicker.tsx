// A searchable picker of the cases a care contract may cover (§5.4: active dispersed 特困 persons of
// the contract's town): case number, masked name and village. Typing filters the loaded cases; an
// exact case or household number is also asked of the server (GET /api/v1/cases?q=), and a typed case
// id (uuid) is accepted as is. The form still receives the case id.
import { Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseSummary, casesApi } from '../../api/cases.ts';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { caseLabel, eligibleCases, isCaseId, matchCases, uniqueCases } from './casePicker.ts';

type Props = { id?: string; value?: string; onChange?: (v: string | undefined) => void; townCode: string };

const TEKUN_ACTIVE = { scheme: 'TEKUN', stage: 'ACTIVE' } as const;

export function CasePicker({ id, value, onChange, townCode }: Props) {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const { tree } = useDivisionTree();
  const [pool, setPool] = useState<CaseSummary[] | null>(null);
  const [text, setText] = useState('');
  const [remote, setRemote] = useState<CaseSummary[]>([]);
  const [chosen, setChosen] = useState<CaseSummary | null>(null);
  const village = useMemo(() => (code: string) => findDivision(tree, code)?.name ?? code, [tree]);

  useEffect(() => {
    let alive = true;
    casesApi
      .worklist({ ...TEKUN_ACTIVE, offset: 0, limit: 200 })
      .then((r) => alive && setPool(eligibleCases(r.items, townCode)))
      .catch((e) => {
        if (!alive) return;
        setPool([]);
        notifyError(e);
      });
    return () => {
      alive = false;
    };
  }, [townCode, notifyError]);

  // The worklist's q is an exact case or household number: asked once typing pauses.
  useEffect(() => {
    const q = text.trim();
    if (q.length < 3 || isCaseId(q)) {
      setRemote([]);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      casesApi
        .worklist({ ...TEKUN_ACTIVE, q, offset: 0, limit: 20 })
        .then((r) => alive && setRemote(eligibleCases(r.items, townCode)))
        .catch(() => alive && setRemote([]));
    }, 300);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [text, townCode]);

  const shown = uniqueCases(
    chosen && chosen.id === value ? [chosen] : [],
    remote,
    matchCases(pool ?? [], text, village),
  );
  const typedId = text.trim();
  const options = [
    ...shown.map((c) => ({
      value: c.id,
      label: <span data-testid={`care-case-option-${c.caseNo}`}>{caseLabel(c, village)}</span>,
    })),
    ...(isCaseId(typedId) && !shown.some((c) => c.id === typedId.toLowerCase())
      ? [
          {
            value: typedId.toLowerCase(),
            label: (
              <span data-testid="care-case-option-id">{t('care.casePicker.useId', { id: typedId })}</span>
            ),
          },
        ]
      : []),
  ];

  return (
    <Select
      id={id}
      data-testid="care-person-case"
      value={value}
      onChange={(v: string | undefined) => {
        setChosen(shown.find((c) => c.id === v) ?? null);
        onChange?.(v);
      }}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      loading={pool === null}
      placeholder={t('care.casePicker.placeholder')}
      notFoundContent={
        <Typography.Text type="secondary" data-testid="care-case-none">
          {pool === null ? t('care.casePicker.loading') : t('care.casePicker.none')}
        </Typography.Text>
      }
      options={options}
      style={{ width: '100%' }}
    />
  );
}
