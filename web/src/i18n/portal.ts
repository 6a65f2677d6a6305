// Texts of the public portal 码上通 (zh-CN default, en with the same keys). Placeholder.
export const portalZh = { title: '救助服务码上通' };
export const portalEn: typeof portalZh = { title: 'Assistance services by QR' };
