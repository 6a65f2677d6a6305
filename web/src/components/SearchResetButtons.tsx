import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The 查询 / 重置 pair of a filter form: submit searches, reset clears the form and searches again. */
export function SearchResetButtons({ testId, onReset }: { testId: string; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button type="primary" htmlType="submit" data-testid={testId}>
        {t('common.search')}
      </Button>
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Space>
  );
}
