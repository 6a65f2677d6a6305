// What a standard adjustment says about the recalculation it started (§9.4), with a link to it.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RecalcStarted } from '../../api/entitlements.ts';

export function RecalcStartedNotice({ recalc }: { recalc: RecalcStarted | null }) {
  const { t } = useTranslation();
  const to = recalc ? `/recalc?run=${encodeURIComponent(recalc.runId)}` : '/recalc';
  return (
    <span data-testid="recalc-started-notice">
      {recalc ? t('recalc.standardsStarted') : t('recalc.standardsRunning')}{' '}
      <Link to={to}>{t('recalc.open')}</Link>
    </span>
  );
}
