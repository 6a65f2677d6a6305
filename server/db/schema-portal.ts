// Row types of the public portal tables (migration 0022_portal; domain-rules §9.5, §2.2).
// Placeholder: filled in with the migration.
export type PortalDB = {};
