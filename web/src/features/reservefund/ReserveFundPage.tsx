// 备用金台账 (§6.3): a town's reserve fund for a month — balance, first aid paid, how many draws are
// regularised and which are outstanding, the ledger; the district allocates or takes back, the town
// (or the district) reconciles a finished month.
import { Alert, Button, Card, DatePicker, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type ReserveFundMonth, reserveFundApi } from '../../api/reserveFund.ts';
import { DivisionLevelPicker } from '../../components/DivisionSelect.tsx';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { errorText, useErrorNotifier } from '../../lib/errors.ts';
import { todayInShanghai } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { ReserveFundLedger } from './ReserveFundLedger.tsx';
import { ReserveFundMoveModal } from './ReserveFundMoveModal.tsx';
import { ReserveFundReconcileModal } from './ReserveFundReconcileModal.tsx';
import { ReserveFundSummary } from './ReserveFundSummary.tsx';
import {
  canMove,
  choosesTown,
  pickMonth,
  pickTown,
  reconcileButton,
  townCodesOf,
} from './reserveFundModel.ts';

export function ReserveFundPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const notifyError = useErrorNotifier();
  const { tree } = useDivisionTree();
  const [params, setParams] = useSearchParams();
  const today = todayInShanghai();
  const towns = useMemo(() => townCodesOf(tree), [tree]);
  const town = pickTown(params.get('town'), actor.jurisdictionCode, towns);
  const month = pickMonth(params.get('month'), today);
  const townName = (town && findDivision(tree, town)?.name) || town || '';
  const [view, setView] = useState<ReserveFundMonth | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [moving, setMoving] = useState<'ALLOCATE' | 'RETURN' | null>(null);
  const [reconciling, setReconciling] = useState(false);

  const load = useCallback(async () => {
    if (!town) return;
    setLoading(true);
    try {
      setView(await reserveFundApi.month(town, month));
      setFailure(null);
    } catch (e) {
      setView(null);
      setFailure(e);
      notifyError(e);
    } finally {
      setLoading(false);
    }
  }, [town, month, notifyError]);

  useEffect(() => {
    void load();
  }, [load]);

  const setParam = (key: 'town' | 'month', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const current = view && view.townCode === town ? view : null;
  const reconcile = reconcileButton(actor.role, current, today);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('reserveFund.title')}
        extra={
          <Space wrap>
            {current?.reconciled ? <Tag color="purple">{t('reserveFund.reconciledTag')}</Tag> : null}
            <Button onClick={() => void load()} loading={loading}>
              {t('common.refresh')}
            </Button>
            {canMove(actor.role) ? (
              <>
                <Button disabled={!current} onClick={() => setMoving('RETURN')} data-testid="rf-return">
                  {t('reserveFund.return')}
                </Button>
                <Button
                  type="primary"
                  disabled={!current}
                  onClick={() => setMoving('ALLOCATE')}
                  data-testid="rf-allocate"
                >
                  {t('reserveFund.allocate')}
                </Button>
              </>
            ) : null}
            {reconcile.visible ? (
              <Tooltip
                title={
                  reconcile.reason
                    ? t(
                        reconcile.reason === 'done'
                          ? 'reserveFund.reconcileDone'
                          : 'reserveFund.reconcileCurrent',
                      )
                    : undefined
                }
              >
                <Button
                  disabled={reconcile.disabled}
                  onClick={() => setReconciling(true)}
                  data-testid="rf-reconcile"
                >
                  {t('reserveFund.reconcile')}
                </Button>
              </Tooltip>
            ) : null}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('reserveFund.intro')}</Typography.Paragraph>
        <Space wrap size="large">
          <Space>
            <span>{t('reserveFund.town')}</span>
            {choosesTown(actor.jurisdictionCode) ? (
              <DivisionLevelPicker
                level="town"
                value={town ?? undefined}
                onChange={(v) => v && setParam('town', v)}
                placeholder={t('reserveFund.townPlaceholder')}
                style={{ width: 220 }}
                data-testid="rf-town"
              />
            ) : (
              <Typography.Text strong data-testid="rf-town">
                {townName}
              </Typography.Text>
            )}
          </Space>
          <Space>
            <span>{t('reserveFund.month')}</span>
            <DatePicker
              picker="month"
              format="YYYY-MM"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && setParam('month', d.format('YYYY-MM'))}
              data-testid="rf-month"
            />
          </Space>
        </Space>
        {!town ? (
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('reserveFund.pickTown')} />
        ) : null}
        {failure && !current ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={t('common.loadFailed')}
            description={errorText(failure, lang)}
          />
        ) : null}
      </Card>
      {current ? (
        <>
          <ReserveFundSummary view={current} />
          <Card title={t('reserveFund.ledger')}>
            <ReserveFundLedger entries={current.entries} loading={loading} />
          </Card>
          <ReserveFundMoveModal
            kind={moving}
            townCode={current.townCode}
            townName={townName}
            balanceFen={current.balanceFen}
            onClose={() => setMoving(null)}
            onDone={() => {
              setMoving(null);
              void load();
            }}
          />
          <ReserveFundReconcileModal
            open={reconciling}
            view={current}
            onClose={() => setReconciling(false)}
            onDone={() => {
              setReconciling(false);
              void load();
            }}
          />
        </>
      ) : null}
    </Space>
  );
}
