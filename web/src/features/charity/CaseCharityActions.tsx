// On the case page: refer the household to charity (charity.refer) and open its assistance chain.
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { can } from '../../../../contracts/roles.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { ReferModal } from './ReferModal.tsx';

export function CaseCharityActions({ caseId, householdId }: { caseId: string; householdId: string | null }) {
  const { t } = useTranslation();
  const actor = useActor();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  if (!householdId) return null;
  return (
    <Space>
      <Button data-testid="case-chain" onClick={() => navigate(`/households/${householdId}#chain`)}>
        {t('charity.actions.chain')}
      </Button>
      {can(actor.role, 'charity.refer') && (
        <Button data-testid="case-refer-charity" onClick={() => setOpen(true)}>
          {t('charity.actions.refer')}
        </Button>
      )}
      {open && (
        <ReferModal source={{ caseId }} onClose={() => setOpen(false)} onDone={() => setOpen(false)} />
      )}
    </Space>
  );
}
