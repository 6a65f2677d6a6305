// The portal's layout rules: one column at most 560 px wide, centred on a desktop; nothing wider than
// the screen at 375 px (long words wrap, rows wrap, controls take the width they are given).
export const PORTAL_CSS = `
body { margin: 0; }
.hjp-root { min-height: 100vh; background: #e9eef5; }
.hjp-shell { max-width: 560px; margin: 0 auto; min-height: 100vh; background: #f6f8fb; box-shadow: 0 0 24px rgba(0,0,0,.06); }
.hjp-page { display: flex; flex-direction: column; min-height: 100vh; }
.hjp-bar { position: sticky; top: 0; z-index: 20; display: flex; align-items: center; gap: 8px; min-height: 56px;
  padding: 6px 12px; background: #1d4f91; color: #fff; }
.hjp-bar .hjp-back { color: #fff; padding-inline: 4px; flex: none; }
.hjp-bar .hjp-back:hover { color: #fff; background: rgba(255,255,255,.12); }
.hjp-title { flex: 1; min-width: 0; margin: 0; font-size: 18px; font-weight: 600; color: #fff;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.hjp-content { flex: 1; overflow-wrap: anywhere; word-break: break-word; min-width: 0; }
.hjp-footer { padding: 16px 12px 24px; text-align: center; color: #5b6575; font-size: 14px; }
.hjp-hero { margin: -4px 0 16px; }
.hjp-hero-title { font-size: 24px; font-weight: 700; color: #1d4f91; }
.hjp-hero-sub { color: #5b6575; margin-top: 4px; }
.hjp-location { display: flex; align-items: center; flex-wrap: wrap; gap: 4px 8px; padding: 8px 12px;
  margin-bottom: 16px; background: #fff; border-radius: 8px; border: 1px solid #dfe5ee; }
.hjp-tiles { display: grid; grid-template-columns: 1fr; gap: 12px; margin-bottom: 20px; }
@media (min-width: 480px) { .hjp-tiles { grid-template-columns: repeat(3, 1fr); } }
.hjp-tile { display: flex; flex-direction: column; justify-content: center; gap: 6px; min-height: 96px;
  padding: 16px; border-radius: 12px; color: #fff !important; text-decoration: none; }
.hjp-tile:focus-visible { outline: 3px solid #ffb020; outline-offset: 2px; }
.hjp-tile-know { background: linear-gradient(135deg, #1d6fd8, #1d4f91); }
.hjp-tile-check { background: linear-gradient(135deg, #12a37f, #0b7a5e); }
.hjp-tile-apply { background: linear-gradient(135deg, #f08a24, #c9650b); }
.hjp-tile-title { font-size: 22px; font-weight: 700; }
.hjp-tile-hint { font-size: 14px; opacity: .92; }
.hjp-links { display: flex; flex-direction: column; background: #fff; border-radius: 8px; border: 1px solid #dfe5ee;
  margin-bottom: 16px; }
.hjp-link { display: flex; justify-content: space-between; align-items: center; min-height: 52px; padding: 0 16px;
  color: inherit; border-bottom: 1px solid #eef1f5; }
.hjp-link:last-child { border-bottom: none; }
.hjp-h2 { font-size: 18px; margin: 20px 0 10px; }
.hjp-h3 { font-size: 16px; margin: 16px 0 8px; }
.hjp-muted { color: #5b6575; }
.hjp-error { color: #cf1322; }
.hjp-gap { margin-bottom: 16px; }
.hjp-top { margin-top: 12px; }
.hjp-row { display: flex; align-items: center; gap: 8px; }
.hjp-wrap { flex-wrap: wrap; }
.hjp-grow { flex: 1 1 auto; min-width: 0; }
.hjp-full { width: 100%; }
.hjp-pair { display: flex; flex-wrap: wrap; gap: 8px 12px; }
.hjp-pair > * { flex: 1 1 150px; min-width: 0; }
.hjp-stack { display: flex; flex-direction: column; gap: 12px; }
.hjp-checks { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-bottom: 16px; }
.hjp-radios { display: flex; flex-direction: column; gap: 10px; }
.hjp-tags { margin-top: 8px; display: flex; flex-wrap: wrap; gap: 4px; }
.hjp-card-link { display: block; color: inherit; }
.hjp-card-title { font-size: 16px; font-weight: 600; }
.hjp-card-text { margin: 6px 0 0; }
.hjp-more { display: inline-block; margin-top: 6px; color: #1d4f91; }
.hjp-amount { font-size: 16px; font-weight: 600; color: #c9650b; margin: 8px 0; }
.hjp-list { margin: 6px 0 0; padding-inline-start: 20px; }
.hjp-prose { white-space: pre-line; line-height: 1.7; }
.hjp-policy-name { font-size: 20px; margin: 0 0 8px; }
.hjp-section { margin-top: 8px; }
.hjp-actions { display: flex; flex-direction: column; gap: 10px; margin-top: 20px; }
.hjp-hotline { margin: 8px 0; }
.hjp-hotline a, .hjp-footer a { font-weight: 600; }
.hjp-rows { list-style: none; margin: 0; padding: 0; background: #fff; border-radius: 8px; border: 1px solid #dfe5ee; }
.hjp-recipient, .hjp-upload { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; padding: 10px 12px;
  border-bottom: 1px solid #eef1f5; }
.hjp-recipient:last-child, .hjp-upload:last-child { border-bottom: none; }
.hjp-file { font-weight: 500; }
.hjp-loading { display: flex; align-items: center; justify-content: center; gap: 12px; padding: 32px 0; color: #5b6575; }
.hjp-banner { background: #eef5ff; border-color: #cfe0fa; }
.hjp-content .ant-steps-horizontal .ant-steps-item-title { white-space: nowrap; }
.hjp-content .ant-descriptions-item-content { min-width: 0; }
`;
