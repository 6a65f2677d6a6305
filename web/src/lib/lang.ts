import { useTranslation } from 'react-i18next';

export type Lang = 'zh' | 'en';

/** 'en' for English, 'zh' otherwise: picks between the API's message and messageEn, code-table zh/en. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? 'en' : 'zh';
}
