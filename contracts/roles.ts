// Roles and what each may do. Shared by the server (policy checks) and the console (navigation).

export const ROLES = [
  'village_assistant',
  'town_officer',
  'district_officer',
  'district_admin',
  'department_liaison',
  'care_provider',
  'charity',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Who can act: a staff role, or a citizen through the public portal (holds no permission at all). */
export type ActorRole = Role | 'citizen';

export const ROLE_NAMES: Record<ActorRole, { zh: string; en: string }> = {
  village_assistant: { zh: '村级民政协理员', en: 'Village assistant' },
  town_officer: { zh: '镇街经办人', en: 'Town officer' },
  district_officer: { zh: '区民政经办人', en: 'District officer' },
  district_admin: { zh: '区民政管理员', en: 'District administrator' },
  department_liaison: { zh: '部门联络员', en: 'Department liaison' },
  care_provider: { zh: '照护服务机构', en: 'Care provider' },
  charity: { zh: '慈善组织', en: 'Charity' },
  auditor: { zh: '审计员', en: 'Auditor' },
  citizen: { zh: '申请人（网上）', en: 'Applicant (online)' },
};

export const PERMISSIONS = {
  'registry.read': ['village_assistant', 'town_officer', 'district_officer', 'district_admin', 'auditor'],
  'registry.write': ['village_assistant', 'town_officer', 'district_officer', 'district_admin'],
  'registry.import': ['town_officer', 'district_officer', 'district_admin'],
  'reveal.id_number': ['town_officer', 'district_officer', 'district_admin'],
  'reveal.phone': ['village_assistant', 'town_officer', 'district_officer', 'district_admin'],
  'reveal.bank_account': ['district_officer', 'district_admin'],
  'audit.read': ['auditor', 'district_admin'],
  'jobs.read': ['town_officer', 'district_officer', 'district_admin', 'auditor'],
  'divisions.read': ROLES,
  'divisions.manage': ['district_admin'],
  'users.manage': ['district_admin'],
  'standards.read': ['village_assistant', 'town_officer', 'district_officer', 'district_admin', 'auditor'],
  'standards.manage': ['district_admin'],
  'cases.read': ['village_assistant', 'town_officer', 'district_officer', 'district_admin', 'auditor'],
  'cases.write': ['village_assistant', 'town_officer', 'district_officer', 'district_admin'],
  'cases.migrate_legacy': ['district_admin'],
  'entitlements.read': ['town_officer', 'district_officer', 'district_admin', 'auditor'],
  'entitlements.approve': ['district_officer', 'district_admin'],
  'integrity.read': ['town_officer', 'district_officer', 'district_admin', 'auditor'],
  'integrity.manage': ['district_officer', 'district_admin'],
  'payroll.read': ['town_officer', 'district_officer', 'district_admin', 'auditor'],
  'payroll.manage': ['district_officer', 'district_admin'],
  'institutions.read': ['town_officer', 'district_officer', 'district_admin', 'auditor'],
  'institutions.manage': ['district_officer', 'district_admin'],
  'feeds.read': ['district_officer', 'district_admin', 'department_liaison', 'auditor'],
  'feeds.upload': ['district_officer', 'district_admin', 'department_liaison'],
  'feeds.manage_keys': ['district_admin'],
  'alerts.read': ['village_assistant', 'town_officer', 'district_officer', 'district_admin', 'auditor'],
  'alerts.handle': ['village_assistant', 'town_officer', 'district_officer', 'district_admin'],
  'alerts.manage_rules': ['district_admin'],
  'monitoring.read': ['town_officer', 'district_officer', 'district_admin', 'auditor'],
  'monitoring.run': ['district_officer', 'district_admin'],
  'checks.request': ['town_officer', 'district_officer', 'district_admin'],
  'checks.read': ['town_officer', 'district_officer', 'district_admin', 'auditor'],
  'care.read': [
    'village_assistant',
    'town_officer',
    'district_officer',
    'district_admin',
    'care_provider',
    'auditor',
  ],
  'care.manage': ['district_officer', 'district_admin'],
  'care.visit': ['care_provider'],
  'care.verify': ['town_officer', 'district_officer', 'district_admin'],
  'assistants.read': ['village_assistant', 'town_officer', 'district_officer', 'district_admin', 'auditor'],
  'assistants.manage': ['town_officer', 'district_officer', 'district_admin'],
  'assistants.assess': ['town_officer', 'district_officer', 'district_admin'],
  'charity.read': [
    'village_assistant',
    'town_officer',
    'district_officer',
    'district_admin',
    'charity',
    'auditor',
  ],
  'charity.manage': ['district_officer', 'district_admin', 'charity'],
  'charity.refer': ['village_assistant', 'town_officer', 'district_officer', 'district_admin'],
  // The catalogue of §9.3 is public; editing it and running the matcher is the district's.
  'policies.read': ROLES,
  'policies.manage': ['district_admin'],
  'policies.run': ['district_officer', 'district_admin'],
  // A department liaison sees and answers its own department's referrals; 民政 staff see all.
  'referrals.read': [
    'village_assistant',
    'town_officer',
    'district_officer',
    'district_admin',
    'department_liaison',
    'auditor',
  ],
  'referrals.answer': ['department_liaison', 'district_officer', 'district_admin'],
  // Portal submissions (objections, 12349 complaints), the SMS outbox and QR posters.
  'portal.inbox': ['town_officer', 'district_officer', 'district_admin', 'auditor'],
  'portal.answer': ['town_officer', 'district_officer', 'district_admin'],
  'portal.outbox': ['district_officer', 'district_admin'],
  'portal.posters': ['village_assistant', 'town_officer', 'district_officer', 'district_admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: ActorRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly ActorRole[]).includes(role);
}

/** The jurisdiction length each role must have: a district role is county-wide (6 digits). */
export const ROLE_SCOPE: Record<Role, 'county' | 'town' | 'village'> = {
  village_assistant: 'village',
  town_officer: 'town',
  district_officer: 'county',
  district_admin: 'county',
  department_liaison: 'county',
  care_provider: 'county',
  charity: 'county',
  auditor: 'county',
};
