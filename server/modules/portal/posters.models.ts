import { fieldError } from '../../platform/errors.ts';

// What the printed QR codes open (domain-rules §9.5: one QR code per village, so an application is
// routed to the right town and village). Pure: the routes pass the configured public address, or
// the request's own origin when none is configured.

/** The site's public base URL: HUIJIU_PUBLIC_URL, else the origin the request came to. */
export function publicBaseUrl(
  configured: string | undefined,
  req: { protocol: string; host: string },
): string {
  if (configured) return configured.replace(/\/+$/, '');
  // Host is [a-z0-9.-]+ with an optional port, or a bracketed IPv6 address: anything else is refused
  // rather than printed into a QR code.
  if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(req.host))
    throw fieldError(
      'host',
      '请求的主机名无效，无法生成二维码地址；请管理员配置 HUIJIU_PUBLIC_URL',
      'the request has an invalid Host header: configure HUIJIU_PUBLIC_URL',
    );
  const protocol = req.protocol === 'https' ? 'https' : 'http';
  return `${protocol}://${req.host.toLowerCase()}`;
}

/**
 * The portal address on a poster: `<base>/portal?v=<village>` for a village, with `&at=<label>`
 * for a free location (a bus stop, a park); `<base>/portal?at=<label>` for a location of no village.
 * The label is percent-encoded, so the URL is ASCII (a QR code's byte mode carries it unchanged).
 */
export function portalUrl(base: string, where: { villageCode?: string; location?: string }): string {
  const params: string[] = [];
  if (where.villageCode) params.push(`v=${where.villageCode}`);
  if (where.location) params.push(`at=${encodeURIComponent(where.location)}`);
  return params.length > 0 ? `${base}/portal?${params.join('&')}` : `${base}/portal`;
}

/** The portal's policy list (码上知), printed at the end of the leaflet. */
export const policiesUrl = (base: string) => `${base}/portal/policies`;

/** The three modules of 救助服务码上通 (§9.5), with the line a poster prints under each. */
export const PORTAL_MODULES = [
  { name: '码上知', motto: '政策早知道', line: '查看各部门救助政策，回答几个问题自测可享受哪些帮扶' },
  { name: '码上查', motto: '公示随时查', line: '查看本村（社区）救助对象公示和长期公布名单' },
  { name: '码上办', motto: '救助网上办', line: '手机在线申请救助，随时查看办理进度，可提出异议和投诉' },
] as const;

export const NATIONAL_HOTLINE_LINE = '12349（民政服务热线）';

/** One poster page: no personal data, only places, the address and public phone lines. */
export type PosterPage = {
  countyName: string;
  townName: string | null;
  villageName: string | null;
  /** A free location's label (公交站、公园…), or null for a village's own poster. */
  location: string | null;
  url: string;
  /** The bureau's line (the civil-affairs department of the catalogue), when it has one. */
  bureauLine: string | null;
  bureauName: string;
};

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266, RFC 5987). */
export function attachmentDisposition(asciiName: string, utf8Name: string): string {
  const ascii = asciiName.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(utf8Name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file name part without characters that file systems refuse. */
export const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');
