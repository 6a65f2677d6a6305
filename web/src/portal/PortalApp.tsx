// Placeholder: the public portal 码上通 (filled in by its owner).
export function PortalApp() {
  return null;
}
