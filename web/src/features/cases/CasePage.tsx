// 案件详情: header (number, scheme, state, deadlines, household, area), the steps the signed-in user
// may record now (exactly detail.allowedEvents), members with consent, entitlement and timeline.
import { Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { SCHEME_NAMES } from '../../../../contracts/cases.ts';
import { type CaseDetail, casesApi } from '../../api/cases.ts';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { errorText } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { CaseCharityActions } from '../charity/CaseCharityActions.tsx';
import { CaseChecksPanel } from '../verification/CaseChecksPanel.tsx';
import { CaseDocuments, CaseEntitlements, CaseMembers } from './CasePanels.tsx';
import { CasePayments } from './CasePayments.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { eventKey, stateColor, stateKey } from './caseModel.ts';
import { DeadlineText } from './DeadlineText.tsx';
import { EventModal } from './EventModal.tsx';

export function CasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { tree } = useDivisionTree();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [event, setEvent] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setDetail(await casesApi.detail(id));
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
        title={t('cases.detail.loadFailed')}
        subTitle={errorText(error, lang)}
        extra={
          <Space>
            <Button onClick={() => navigate('/cases')}>{t('common.back')}</Button>
            <Button type="primary" onClick={() => void load()}>
              {t('common.retry')}
            </Button>
          </Space>
        }
      />
    );
  }

  const label = (key: string, code: string) => (i18n.exists(key) ? t(key as 'cases.title') : code);
  const scheme = SCHEME_NAMES[detail.scheme];
  const place = (code: string) => findDivision(tree, code)?.name ?? code;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span data-testid="case-no">{t('cases.detail.title', { caseNo: detail.caseNo })}</span>
            <Tag color={stateColor(detail.state)} data-testid="case-state">
              {label(stateKey(detail.state), detail.state)}
            </Tag>
            {detail.closeRelative && <Tag color="magenta">{t('cases.closeRelative')}</Tag>}
            {detail.legacy && <Tag>{t('cases.legacy')}</Tag>}
          </Space>
        }
        extra={
          <Space>
            <Button onClick={() => navigate(-1)}>{t('common.back')}</Button>
            <Button onClick={() => void load()} loading={loading}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'scheme', label: t('cases.col.scheme'), children: lang === 'en' ? scheme.en : scheme.zh },
            {
              key: 'household',
              label: t('cases.detail.household'),
              children: detail.householdId ? (
                <Link to={`/households/${detail.householdId}`}>{detail.householdNo}</Link>
              ) : (
                '—'
              ),
            },
            { key: 'applicant', label: t('cases.col.applicant'), children: detail.applicantMask ?? '—' },
            {
              key: 'village',
              label: t('cases.col.village'),
              children: `${place(detail.townCode)} ${place(detail.villageCode)}`,
            },
            { key: 'area', label: t('cases.detail.area'), children: t(`urbanRural.${detail.area}`) },
            { key: 'applied', label: t('cases.detail.appliedOn'), children: detail.appliedOn },
            {
              key: 'deadline',
              label: t('cases.detail.deadline'),
              children: <DeadlineText deadline={detail.deadline} overdue={detail.overdue} />,
            },
            { key: 'overall', label: t('cases.detail.overallDue'), children: detail.overallDue ?? '—' },
            { key: 'decided', label: t('cases.detail.decidedOn'), children: detail.decidedOn ?? '—' },
            { key: 'review', label: t('cases.detail.nextReviewOn'), children: detail.nextReviewOn ?? '—' },
            ...(detail.support
              ? [
                  {
                    key: 'support',
                    label: t('cases.support.title'),
                    children: (
                      <span data-testid="case-support">
                        {t(`cases.options.mode.${detail.support.mode}`)}
                        {detail.support.institutionName ? `（${detail.support.institutionName}）` : ''}
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <div style={{ marginTop: 16 }} data-testid="case-actions">
          <Typography.Text strong style={{ marginInlineEnd: 12 }}>
            {t('cases.detail.actions')}
          </Typography.Text>
          {detail.allowedEvents.length === 0 ? (
            <Typography.Text type="secondary">{t('cases.detail.noActions')}</Typography.Text>
          ) : (
            <Space wrap>
              {detail.allowedEvents.map((type) => (
                <Button key={type} data-testid={`action-${type}`} onClick={() => setEvent(type)}>
                  {label(eventKey(type), type)}
                </Button>
              ))}
            </Space>
          )}
        </div>
        <div style={{ marginTop: 12 }}>
          <CaseCharityActions caseId={detail.id} householdId={detail.householdId || null} />
        </div>
        <CaseDocuments detail={detail} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <CaseMembers detail={detail} />
            <CaseChecksPanel caseId={detail.id} version={detail.version} />
            <CaseEntitlements detail={detail} />
            <CasePayments caseId={detail.id} />
          </Space>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('cases.detail.timeline')}>
            <CaseTimeline detail={detail} />
          </Card>
        </Col>
      </Row>
      {event && (
        <EventModal
          key={`${event}:${detail.version}`}
          detail={detail}
          type={event}
          onClose={() => setEvent(null)}
          onDone={() => {
            setEvent(null);
            void load();
          }}
        />
      )}
    </Space>
  );
}
