// Members of a household with masked identifiers (查看 for the roles allowed) and row actions.
import { Button, Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../api/types.ts';
import { RevealButton } from '../../components/RevealButton.tsx';
import { codeLabel, disabilityLabel, HEAD_RELATION, relationLabel, TABLES } from '../../lib/codes.ts';
import { fenToYuan, formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';

type Props = {
  members: MemberView[];
  /** Former members: shows when and why they left instead of the actions. */
  former?: boolean;
  onEdit?: (m: MemberView) => void;
  onLeave?: (m: MemberView) => void;
};

export function MembersTable({ members, former, onEdit, onLeave }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns: TableColumnsType<MemberView> = [
    {
      title: t('member.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 130,
      render: (name: string, m) => (
        <Space size={4}>
          <span>{name}</span>
          {m.relationCode === HEAD_RELATION && !former && <Tag color="blue">{t('household.head')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('member.relation'),
      dataIndex: 'relationCode',
      width: 110,
      render: (c: string) => relationLabel(c),
    },
    {
      title: t('member.idNumberAny'),
      key: 'idNumber',
      width: 230,
      render: (_, m) => <RevealButton personId={m.personId} field="idNumber" masked={m.idNumberMasked} />,
    },
    {
      title: t('member.sex'),
      dataIndex: 'sex',
      width: 60,
      render: (s: number) => (s === 1 ? t('sex.1') : t('sex.2')),
    },
    { title: t('member.age'), dataIndex: 'age', width: 60, align: 'right' },
    {
      title: t('member.phone'),
      key: 'phone',
      width: 190,
      render: (_, m) => <RevealButton personId={m.personId} field="phone" masked={m.phoneMasked} />,
    },
    {
      title: t('member.bankAccount'),
      key: 'bank',
      width: 250,
      render: (_, m) => (
        <div>
          <RevealButton personId={m.personId} field="bankAccount" masked={m.bankAccountMasked} />
          {m.bankName && <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{m.bankName}</div>}
        </div>
      ),
    },
    {
      title: t('member.disability'),
      dataIndex: 'disability',
      width: 130,
      render: (d: MemberView['disability']) => disabilityLabel(d, lang),
    },
    {
      title: t('member.selfCareLevel'),
      dataIndex: 'selfCareLevel',
      width: 100,
      render: (v: string | null) => codeLabel(TABLES.selfCareLevel, v, lang),
    },
    {
      title: t('member.monthlyIncome'),
      dataIndex: 'monthlyIncomeFen',
      width: 120,
      align: 'right',
      render: (f: number) => fenToYuan(f),
    },
  ];
  if (former) {
    columns.push(
      {
        title: t('member.leftOn'),
        dataIndex: 'leftOn',
        width: 110,
        render: (d: string | null) => formatDate(d),
      },
      {
        title: t('member.leftReason'),
        dataIndex: 'leftReason',
        render: (r: string | null) => r ?? t('common.none'),
      },
    );
  } else if (onEdit || onLeave) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 120,
      render: (_, m) => (
        <Space size={0}>
          {onEdit && (
            <Button
              type="link"
              size="small"
              data-testid={`edit-member-${m.memberId}`}
              onClick={() => onEdit(m)}
            >
              {t('member.edit')}
            </Button>
          )}
          {onLeave && (
            <Tooltip title={m.relationCode === HEAD_RELATION ? t('change.leaveHint') : undefined}>
              <Button
                type="link"
                size="small"
                danger
                disabled={m.relationCode === HEAD_RELATION}
                data-testid={`leave-member-${m.memberId}`}
                onClick={() => onLeave(m)}
              >
                {t('member.leave')}
              </Button>
            </Tooltip>
          )}
        </Space>
      ),
    });
  }
  return (
    <Table<MemberView>
      rowKey="memberId"
      size="small"
      columns={columns}
      dataSource={members}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={former ? 'former-members-table' : 'members-table'}
    />
  );
}
