// Changes of one member: add, edit, leave. expectedVersion is the version of the detail on screen.
import { Alert, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { registryApi } from '../../api/registry.ts';
import type { HouseholdDetail, MemberView } from '../../api/types.ts';
import { todayInShanghai } from '../../lib/format.ts';
import { ChangeModal } from './ChangeModal.tsx';
import { MemberFields } from './MemberFields.tsx';
import {
  fromMemberView,
  type MemberFormValues,
  memberModalResolver,
  memberPatch,
  NEW_MEMBER,
  toPersonInput,
} from './memberForm.ts';

type Common = { detail: HouseholdDetail; onClose: () => void; onChanged: () => void };
type MemberValues = MemberFormValues & { reason: string };

export function AddMemberModal({ detail, onClose, onChanged }: Common) {
  const { t } = useTranslation();
  return (
    <ChangeModal<MemberValues>
      open
      width={960}
      formName="addMember"
      title={t('change.addMemberTitle')}
      initialValues={{ ...NEW_MEMBER }}
      resolve={(form) => memberModalResolver(() => form.getFieldValue('idType'))}
      submit={({ reason, ...v }) =>
        registryApi.addMember(detail.id, { ...toPersonInput(v), expectedVersion: detail.version, reason })
      }
      onClose={onClose}
      onChanged={onChanged}
    >
      <MemberFields base={[]} abs={[]} mode="create" />
    </ChangeModal>
  );
}

export function EditMemberModal({ detail, member, onClose, onChanged }: Common & { member: MemberView }) {
  const { t } = useTranslation();
  return (
    <ChangeModal<MemberValues>
      open
      width={960}
      formName="editMember"
      title={t('change.editMemberTitle', { name: member.name })}
      initialValues={fromMemberView(member)}
      resolve={(form) => memberModalResolver(() => form.getFieldValue('idType'))}
      submit={({ reason, ...v }) =>
        registryApi.updateMember(detail.id, member.memberId, {
          ...memberPatch(v, member),
          expectedVersion: detail.version,
          reason,
        })
      }
      onClose={onClose}
      onChanged={onChanged}
    >
      <MemberFields base={[]} abs={[]} mode="edit" current={member} />
    </ChangeModal>
  );
}

type LeaveValues = { reason: string; leftOn?: Dayjs };

export function LeaveMemberModal({ detail, member, onClose, onChanged }: Common & { member: MemberView }) {
  const { t } = useTranslation();
  const today = todayInShanghai();
  return (
    <ChangeModal<LeaveValues>
      open
      formName="leaveMember"
      title={t('change.leaveTitle', { name: member.name })}
      okText={t('change.leaveConfirm')}
      fields={['leftOn']}
      initialValues={{ leftOn: dayjs(today) }}
      submit={(v) =>
        registryApi.leave(detail.id, member.memberId, {
          expectedVersion: detail.version,
          reason: v.reason,
          leftOn: v.leftOn ? v.leftOn.format('YYYY-MM-DD') : undefined,
        })
      }
      onClose={onClose}
      onChanged={onChanged}
    >
      <Alert type="warning" showIcon title={t('change.leaveHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="leftOn" label={t('member.leftOn')}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
      </Form.Item>
    </ChangeModal>
  );
}
