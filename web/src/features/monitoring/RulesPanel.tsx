// 预警规则 (§7.4 rules as data): every rule of the county with its threshold, SLA and on/off. The
// district administrator (alerts.manage_rules) switches rules and changes the SLA and the numeric
// thresholds here; new threshold rules are added through the API (POST /api/v1/alert-rules).
import { App, Card, InputNumber, Switch, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_TYPES } from '../../../../contracts/alerts.ts';
import { can } from '../../../../contracts/roles.ts';
import { monitoringApi, type RuleView } from '../../api/monitoring.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { errorText, useErrorNotifier } from '../../lib/errors.ts';
import { yuanToFen } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { conditionText, fieldLabel, isFenField, opText, sourceOf } from '../feeds/feedValues.ts';

export function RulesPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [rules, setRules] = useState<RuleView[]>([]);
  const editable = can(actor.role, 'alerts.manage_rules');

  const load = useCallback(() => {
    monitoringApi
      .rules()
      .then((r) => setRules(r.items))
      .catch(notifyError);
  }, [notifyError]);
  useEffect(load, [load]);

  const save = async (code: string, patch: Parameters<typeof monitoringApi.updateRule>[1]) => {
    try {
      const r = await monitoringApi.updateRule(code, patch);
      setRules((xs) => xs.map((x) => (x.code === code ? r : x)));
      message.success(t('monitoring.actions.done'));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  const columns: TableColumnsType<RuleView> = [
    {
      title: t('monitoring.columns.type'),
      dataIndex: 'alertType',
      render: (x: keyof typeof ALERT_TYPES) => ALERT_TYPES[x][lang],
    },
    {
      title: t('monitoring.dashboard.rule'),
      render: (_: unknown, r) => (lang === 'en' ? r.nameEn : r.nameZh),
    },
    {
      title: t('monitoring.dashboard.conditions'),
      render: (_: unknown, r) =>
        r.conditions.length === 0 ? (
          r.kind === 'FIELD_THRESHOLD' ? (
            t('monitoring.dashboard.none')
          ) : (
            <Tag>{t(`monitoring.kinds.${r.kind}` as 'monitoring.kinds.CARE')}</Tag>
          )
        ) : (
          r.conditions.map((c, i) => {
            const src = sourceOf(r.source);
            if (typeof c.value !== 'number' || !editable)
              return <div key={c.field}>{conditionText(src, c, lang)}</div>;
            // Money thresholds are edited in yuan (the heading says 元) and stored in fen.
            const fen = isFenField(src, c.field);
            return (
              <div key={c.field}>
                {fieldLabel(src, c.field, lang)} {opText(c.op, lang)}{' '}
                <InputNumber
                  size="small"
                  defaultValue={fen ? c.value / 100 : c.value}
                  precision={fen ? 2 : 0}
                  style={{ width: fen ? 150 : 100 }}
                  aria-label={fieldLabel(src, c.field, lang)}
                  onBlur={(e) => {
                    const text = e.target.value.replace(/,/g, '');
                    const v = fen ? yuanToFen(text) : Number(text);
                    if (v === null || !Number.isInteger(v) || v === c.value) return;
                    void save(r.code, {
                      conditions: r.conditions.map((x, j) => (j === i ? { ...x, value: v } : x)),
                    });
                  }}
                />
              </div>
            );
          })
        ),
    },
    {
      title: t('monitoring.dashboard.sla'),
      dataIndex: 'slaWd',
      render: (v: number, r) =>
        editable ? (
          <InputNumber
            size="small"
            min={1}
            max={60}
            defaultValue={v}
            onBlur={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n !== v) void save(r.code, { slaWd: n });
            }}
          />
        ) : (
          v
        ),
    },
    {
      title: t('monitoring.dashboard.enabled'),
      dataIndex: 'enabled',
      render: (v: boolean, r) => (
        <Switch
          size="small"
          checked={v}
          disabled={!editable}
          onChange={(on) => save(r.code, { enabled: on })}
        />
      ),
    },
  ];

  return (
    <Card title={t('monitoring.dashboard.rules')}>
      <Table<RuleView>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rules}
        pagination={false}
        data-testid="alert-rules"
      />
    </Card>
  );
}
