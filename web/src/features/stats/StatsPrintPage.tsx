// /stats/print?year=: the year's figures in a clean layout for the press office (no menu, black on
// white, A4 margins), in the wording of the press release, with the table by town; printed with the
// browser (@media print hides the toolbar).
import { Button, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type StatsOverview, statsApi } from '../../api/stats.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { todayInShanghai } from '../../lib/format.ts';
import { fenToWan } from './statsModel.ts';

const PRINT_CSS = `
.stats-print { max-width: 800px; margin: 24px auto; padding: 0 24px; color: #000; background: #fff;
  font-family: 'Noto Serif SC', 'SimSun', serif; line-height: 1.8; }
.stats-print h1 { text-align: center; font-size: 22px; margin-bottom: 4px; }
.stats-print .sub { text-align: center; color: #333; margin-bottom: 24px; }
.stats-print table { width: 100%; border-collapse: collapse; margin-top: 16px; font-size: 13px; }
.stats-print th, .stats-print td { border: 1px solid #000; padding: 4px 6px; text-align: right; }
.stats-print th:first-child, .stats-print td:first-child { text-align: left; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  .stats-print-toolbar { display: none !important; }
  .stats-print { margin: 0; padding: 0; max-width: none; }
}`;

export function StatsPrintPage() {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || Number(todayInShanghai().slice(0, 4));
  const town = params.get('town') ?? undefined;
  const [view, setView] = useState<StatsOverview | null>(null);

  useEffect(() => {
    statsApi.overview({ year, townCode: town }).then(setView, notifyError);
  }, [year, town, notifyError]);

  if (!view) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const k = view.kpis;
  const v = {
    year: view.year,
    asOf: view.asOf,
    scope: view.scope.name,
    dibaoHouseholds: k.dibaoHouseholds,
    dibaoPersons: k.dibaoPersons,
    paidDibao: fenToWan(k.paidFen.DIBAO),
    tekun: k.tekunPersons,
    paidTekun: fenToWan(k.paidFen.TEKUN),
    temp: k.tempEvents,
    tempAmount: fenToWan(k.tempAmountFen),
    newHouseholds: k.newDibaoHouseholds,
    newPersons: k.newDibaoPersons,
    newTekun: k.newTekunPersons,
    monitored: k.monitoredPersons,
    departments: k.departments,
    policies: k.policies,
  };
  return (
    <div className="stats-print" data-testid="stats-print">
      <style>{PRINT_CSS}</style>
      <Space className="stats-print-toolbar" style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => window.print()}>
          {t('stats.printNow')}
        </Button>
      </Space>
      <h1>{t('stats.printTitle', v)}</h1>
      <div className="sub">{t('stats.printAsOf', v)}</div>
      <p>{t('stats.printRolls', v)}</p>
      <p>{t('stats.printTemp', v)}</p>
      <p>{t('stats.printNew', v)}</p>
      <p>{t('stats.printAggregation', v)}</p>
      {view.units.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>{t('stats.unitColumn')}</th>
              <th>{t('stats.col.dibaoHouseholds')}</th>
              <th>{t('stats.col.dibaoPersons')}</th>
              <th>{t('stats.col.tekunPersons')}</th>
              <th>{t('stats.col.tempEvents')}</th>
              <th>{t('stats.col.paidWan')}</th>
            </tr>
          </thead>
          <tbody>
            {view.units.map((u) => (
              <tr key={u.code}>
                <td>{u.name}</td>
                <td>{u.dibaoHouseholds}</td>
                <td>{u.dibaoPersons}</td>
                <td>{u.tekunPersons}</td>
                <td>{u.tempEvents}</td>
                <td>{fenToWan(u.paidFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
