import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { type Messages, zhCN } from './zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LANG_KEY = 'huijiu.lang';
export type UiLanguage = 'zh-CN' | 'en';

function storedLanguage(): UiLanguage {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyDocumentLanguage(lng: UiLanguage) {
  document.documentElement.lang = lng;
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
}

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyDocumentLanguage(initial);

/** Switches the UI language and remembers it in this browser. */
export async function setLanguage(lng: UiLanguage) {
  try {
    localStorage.setItem(LANG_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyDocumentLanguage(lng);
  await i18n.changeLanguage(lng);
}

export default i18n;
