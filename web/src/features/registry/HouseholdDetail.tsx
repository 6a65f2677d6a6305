// 户详情: the household, its members and former members, and the change history, with the changes
// a caseworker may make (each a modal that sends expectedVersion = the version on screen).
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { can } from '../../../../contracts/roles.ts';
import { registryApi } from '../../api/registry.ts';
import type { HouseholdDetail as Detail, HistoryEntry, MemberView } from '../../api/types.ts';
import { HouseholdStatusTag } from '../../components/Tags.tsx';
import { useActor } from '../../console/AuthContext.tsx';
import { codeLabel, HEAD_RELATION, TABLES } from '../../lib/codes.ts';
import { errorText } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { AssistanceChainCard } from '../charity/AssistanceChainCard.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { ChangeHeadModal, EditHouseholdModal } from './householdModals.tsx';
import { MembersTable } from './MembersTable.tsx';
import { AddMemberModal, EditMemberModal, LeaveMemberModal } from './memberModals.tsx';

type Dialog =
  | { kind: 'editHousehold' }
  | { kind: 'addMember' }
  | { kind: 'changeHead' }
  | { kind: 'editMember'; member: MemberView }
  | { kind: 'leave'; member: MemberView };

export function HouseholdDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [d, h] = await Promise.all([registryApi.detail(id), registryApi.history(id)]);
      setDetail(d);
      setHistory(h.items);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!detail) {
    if (loading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={errorText(error, lang)}
        extra={
          <Space>
            <Button onClick={() => navigate('/households')}>{t('common.back')}</Button>
            <Button type="primary" onClick={() => void load()}>
              {t('common.retry')}
            </Button>
          </Space>
        }
      />
    );
  }

  const writable = can(actor.role, 'registry.write') && detail.status === 'active';
  // 申请救助: village assistants and town officers register applications (the district confirms).
  const canApply =
    can(actor.role, 'cases.write') &&
    (actor.role === 'village_assistant' || actor.role === 'town_officer') &&
    detail.status === 'active';
  const head = detail.members.find((m) => m.relationCode === HEAD_RELATION);
  const close = () => setDialog(null);
  const common = { detail, onClose: close, onChanged: () => void load() };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`${t('household.detailTitle')} ${detail.householdNo}`}
        loading={false}
        extra={
          <Space wrap>
            <Button onClick={() => navigate(-1)}>{t('common.back')}</Button>
            <Button onClick={() => void load()} loading={loading}>
              {t('common.refresh')}
            </Button>
            {canApply && (
              <Button
                data-testid="household-apply"
                onClick={() => navigate(`/cases/new?household=${encodeURIComponent(detail.id)}`)}
              >
                {t('cases.apply')}
              </Button>
            )}
            {writable && (
              <>
                <Button data-testid="edit-household" onClick={() => setDialog({ kind: 'editHousehold' })}>
                  {t('household.editHousehold')}
                </Button>
                <Button
                  data-testid="change-head"
                  disabled={detail.members.length < 2}
                  onClick={() => setDialog({ kind: 'changeHead' })}
                >
                  {t('household.changeHead')}
                </Button>
                <Button
                  type="primary"
                  data-testid="open-add-member"
                  onClick={() => setDialog({ kind: 'addMember' })}
                >
                  {t('household.addMember')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        {detail.status === 'closed' && (
          <Alert type="info" showIcon title={t('household.closedHint')} style={{ marginBottom: 16 }} />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          data-testid="household-descriptions"
          items={[
            { key: 'no', label: t('household.householdNo'), children: detail.householdNo },
            { key: 'head', label: t('household.head'), children: head?.name ?? t('common.none') },
            {
              key: 'status',
              label: t('household.status'),
              children: <HouseholdStatusTag status={detail.status} />,
            },
            { key: 'town', label: t('household.town'), children: detail.townName },
            { key: 'village', label: t('household.village'), children: detail.villageName },
            { key: 'count', label: t('household.memberCount'), children: detail.members.length },
            { key: 'address', label: t('household.address'), children: detail.address || t('common.none') },
            {
              key: 'hukou',
              label: t('household.hukouType'),
              children: codeLabel(TABLES.hukouType, detail.hukouType, lang),
            },
            {
              key: 'residence',
              label: t('household.residenceCode'),
              children: detail.residenceCode ?? t('household.residenceSame'),
            },
            { key: 'ur', label: t('household.urbanRural'), children: t(`urbanRural.${detail.urbanRural}`) },
            { key: 'created', label: t('household.createdAt'), children: formatDateTime(detail.createdAt) },
            { key: 'updated', label: t('household.updatedAt'), children: formatDateTime(detail.updatedAt) },
            { key: 'version', label: t('household.version'), children: detail.version },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          defaultActiveKey={window.location.hash === '#chain' ? 'chain' : 'members'}
          items={[
            {
              key: 'members',
              label: t('household.membersWithCount', { count: detail.members.length }),
              children: (
                <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                  <MembersTable
                    members={detail.members}
                    onEdit={writable ? (member) => setDialog({ kind: 'editMember', member }) : undefined}
                    onLeave={writable ? (member) => setDialog({ kind: 'leave', member }) : undefined}
                  />
                  {detail.formerMembers.length > 0 && (
                    <Card size="small" type="inner" title={t('household.formerMembers')}>
                      <MembersTable members={detail.formerMembers} former />
                    </Card>
                  )}
                </Space>
              ),
            },
            {
              key: 'history',
              label: t('household.history'),
              children: <HistoryTimeline items={history} detail={detail} />,
            },
            {
              key: 'chain',
              label: t('charity.actions.chain'),
              children: <AssistanceChainCard householdId={detail.id} />,
            },
          ]}
        />
      </Card>
      {dialog?.kind === 'editHousehold' && <EditHouseholdModal {...common} />}
      {dialog?.kind === 'changeHead' && <ChangeHeadModal {...common} />}
      {dialog?.kind === 'addMember' && <AddMemberModal {...common} />}
      {dialog?.kind === 'editMember' && <EditMemberModal {...common} member={dialog.member} />}
      {dialog?.kind === 'leave' && <LeaveMemberModal {...common} member={dialog.member} />}
    </Space>
  );
}
