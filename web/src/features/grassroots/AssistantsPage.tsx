// 协理员 (§9.6 three-level network): one page with tabs by role. Towns and the district keep the
// roster, the trainings and the monthly 德能勤绩廉 assessment and see the ranking; a village assistant
// sees their own page (tasks, own scores and the reasons) and the trainings. The tab lives in the URL.
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { can } from '../../../../contracts/roles.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { AssessmentTab } from './AssessmentTab.tsx';
import { ComplaintsTab } from './ComplaintsTab.tsx';
import { MyPage } from './MyPage.tsx';
import { RankingTab } from './RankingTab.tsx';
import { RosterTab } from './RosterTab.tsx';
import { TasksTab } from './TasksTab.tsx';
import { TrainingsTab } from './TrainingsTab.tsx';

export function AssistantsPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const [params, setParams] = useSearchParams();
  const village = actor.role === 'village_assistant';
  const manage = can(actor.role, 'assistants.manage');
  const assess = can(actor.role, 'assistants.assess');
  const tabs = [
    ...(village ? [{ key: 'mine', children: <MyPage /> }] : []),
    ...(!village ? [{ key: 'roster', children: <RosterTab manage={manage} /> }] : []),
    { key: 'trainings', children: <TrainingsTab manage={manage} /> },
    ...(assess ? [{ key: 'assessment', children: <AssessmentTab /> }] : []),
    ...(!village ? [{ key: 'ranking', children: <RankingTab /> }] : []),
    ...(assess ? [{ key: 'complaints', children: <ComplaintsTab /> }] : []),
    ...(manage ? [{ key: 'tasks', children: <TasksTab /> }] : []),
  ];
  const active = tabs.some((x) => x.key === params.get('tab'))
    ? (params.get('tab') as string)
    : (tabs[0]?.key ?? '');
  return (
    <Card title={t('grassroots.title')}>
      <Tabs
        activeKey={active}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={tabs.map((x) => ({
          key: x.key,
          label: (
            <span data-testid={`assistants-tab-${x.key}`}>
              {t(`grassroots.tabs.${x.key}` as 'grassroots.tabs.roster')}
            </span>
          ),
          children: x.children,
        }))}
      />
    </Card>
  );
}
