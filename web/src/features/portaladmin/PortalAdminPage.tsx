// Placeholder: portal submissions, SMS outbox and QR posters (filled in by its owner).
export function PortalAdminPage() {
  return null;
}
