import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.ts';
import { useLang } from '../lib/lang.ts';

/** Toggles 中文 ⇄ English; the choice is kept in localStorage. */
export function LanguageSwitch({ ghost }: { ghost?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Button
      size="small"
      ghost={ghost}
      data-testid="language-switch"
      aria-label={t('lang.label')}
      onClick={() => void setLanguage(lang === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
