// The county's default care plan per self-care level (§5.3 "the mapping is configurable"): used for
// new signings; the district (care.manage) changes a level's default here.
import { Button, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CareLevelCode, careApi, type PlanDefault } from '../../api/care.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { perWeek } from './planForm.ts';

export function PlansTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const [rows, setRows] = useState<PlanDefault[] | null>(null);
  const [editing, setEditing] = useState<PlanDefault | null>(null);
  const load = useCallback(() => {
    careApi
      .planDefaults()
      .then((r) => setRows(r.items))
      .catch(notifyError);
  }, [notifyError]);
  useEffect(load, [load]);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('care.planForm.defaultsIntro')}</Typography.Paragraph>
      <Table
        rowKey="careLevel"
        size="small"
        pagination={false}
        loading={rows === null}
        dataSource={rows ?? []}
        onRow={(r) => ({ 'data-testid': `care-plan-default-${r.careLevel}` }) as Record<string, string>}
        columns={[
          {
            title: t('care.fields.careLevel'),
            dataIndex: 'careLevel',
            render: (l: string) => t(`care.levels.${l}` as never),
          },
          {
            title: t('care.fields.visitsPerMonth'),
            dataIndex: 'visitsPerMonth',
            render: (n: number) => `${n}（${t('care.planForm.perWeek', { n: perWeek(n) })}）`,
          },
          { title: t('care.fields.minMinutes'), dataIndex: 'minMinutes' },
          {
            title: t('care.fields.items'),
            dataIndex: 'items',
            render: (xs: string[]) =>
              xs.map((x) => <Tag key={x}>{t(`care.serviceItems.${x}` as never)}</Tag>),
          },
          ...(manage
            ? [
                {
                  key: 'edit',
                  render: (_: unknown, r: PlanDefault) => (
                    <Button
                      size="small"
                      data-testid={`care-plan-default-edit-${r.careLevel}`}
                      onClick={() => setEditing(r)}
                    >
                      {t('care.planForm.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <PlanEditor
          title={t('care.planForm.defaultTitle', { level: t(`care.levels.${editing.careLevel}` as never) })}
          initial={editing}
          onSave={(body) => careApi.savePlanDefault(editing.careLevel as CareLevelCode, body)}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </>
  );
}
