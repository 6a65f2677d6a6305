// Texts of the policy catalogue and referral pages (zh-CN default, en with the same keys). Placeholder.
export const policiesZh = { title: '政策目录', referralsTitle: '部门转办' };
export const policiesEn: typeof policiesZh = { title: 'Policy catalogue', referralsTitle: 'Referrals' };
