// Texts of the staff pages of the portal: submissions, SMS outbox, posters. Placeholder.
export const portalAdminZh = { title: '码上通管理' };
export const portalAdminEn: typeof portalAdminZh = { title: 'Portal administration' };
