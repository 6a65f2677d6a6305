// The weights of the assessment tab (§9.6): those in force for the chosen month (the five town
// scores and the four automatic metrics), the county's history, who may change them, and the form.
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, WEIGHT_KEYS } from '../../../../contracts/grassroots.ts';
import { can } from '../../../../contracts/roles.ts';
import { grassrootsApi, type WeightsView } from '../../api/grassroots.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { canSetWeights, weightsInForce } from './formsModel.ts';
import { WeightsForm } from './WeightsForm.tsx';

const isDim = (k: string) => (DIMENSIONS as readonly string[]).includes(k);

export function WeightsPanel({ month, onSaved }: { month: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useErrorNotifier();
  const actor = useActor();
  const editable = canSetWeights(can(actor.role, 'assistants.assess'), actor.jurisdictionCode);
  const [items, setItems] = useState<WeightsView[]>([]);
  const [editing, setEditing] = useState(false);
  const load = useCallback(() => {
    grassrootsApi
      .weights()
      .then((r) => setItems(r.items))
      .catch(notify);
  }, [notify]);
  useEffect(load, [load]);
  const current = weightsInForce(items, month);
  const label = (k: string) =>
    isDim(k)
      ? t(`grassroots.dims.${k}` as 'grassroots.dims.de')
      : t(`grassroots.metrics.${k}` as 'grassroots.metrics.visits');
  const from = (w: WeightsView) =>
    w.builtIn
      ? t('grassroots.weightsForm.builtIn')
      : t('grassroots.weightsForm.from', { month: w.effectiveFrom });

  return (
    <Card
      size="small"
      title={t('grassroots.weightsForm.inForce', { month })}
      extra={
        editable ? (
          <Button size="small" onClick={() => setEditing(true)} data-testid="weights-edit">
            {t('grassroots.weightsForm.edit')}
          </Button>
        ) : null
      }
      data-testid="weights-panel"
    >
      {current ? (
        <Descriptions size="small" column={{ xs: 2, sm: 3, md: 5 }} data-testid="weights-current">
          {WEIGHT_KEYS.map((k) => (
            <Descriptions.Item key={k} label={label(k)}>
              <span data-testid={`weights-current-${k}`}>{current.weights[k] ?? 0}%</span>
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('grassroots.weightsForm.effectiveFrom')}>
            <Tag>{from(current)}</Tag>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('grassroots.weightsForm.whoEdits')}
          {editable ? '' : ` ${t('grassroots.weightsForm.readOnly')}`}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('grassroots.weightsForm.reopenHint')}
        </Typography.Text>
        {items.some((x) => !x.builtIn) ? (
          <Table<WeightsView>
            size="small"
            rowKey={(w) => w.effectiveFrom || 'built-in'}
            pagination={false}
            dataSource={items}
            title={() => t('grassroots.weightsForm.history')}
            data-testid="weights-history"
            columns={[
              { title: t('grassroots.weightsForm.effectiveFrom'), render: (_: unknown, w) => from(w) },
              ...WEIGHT_KEYS.map((k) => ({
                title: label(k),
                render: (_: unknown, w: WeightsView) => `${w.weights[k] ?? 0}%`,
              })),
              { title: t('grassroots.weightsForm.note'), dataIndex: 'note' },
            ]}
          />
        ) : null}
      </Space>
      <WeightsForm
        open={editing}
        start={current}
        onClose={() => setEditing(false)}
        onSaved={(w) => {
          setEditing(false);
          void message.success(t('grassroots.weightsForm.saved', { month: w.effectiveFrom }));
          load();
          onSaved();
        }}
      />
    </Card>
  );
}
