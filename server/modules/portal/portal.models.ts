import crypto from 'node:crypto';
import type { PortalUploadMime } from '../../db/schema-portal.ts';
import { addWorkingDays, type HolidayCalendar } from '../../rules/calendar.ts';
import { maskIdNumber, maskPhone } from '../../rules/masking.ts';

// Pure rules of the portal (§9.5, §2.2, §2.3): what an upload is by its first bytes, tracking
// numbers and query codes, feedback deadlines, the pledge the applicant accepts, and the scrub every
// free text passes before it leaves a public route.

export const OTP_TTL_MS = 10 * 60 * 1000;
export const OTP_MAX_ATTEMPTS = 5;
/** Code requests: 1 per phone per 60 s, 5 per phone per hour, 20 per client address per hour. */
export const OTP_RESEND_SECONDS = 60;
export const OTP_PER_PHONE_PER_HOUR = 5;
export const OTP_PER_IP_PER_HOUR = 20;
export const PORTAL_SESSION_MS = 2 * 60 * 60 * 1000;
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** Unused uploads a session may hold (an application takes at most 20). */
export const UPLOADS_PER_SESSION = 20;

/** A 6-digit code from the OS's cryptographic generator. */
export const newOtpCode = (): string => String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');

/** Salted SM3 of a code: a 6-digit code is short, so the hash only serves the 10 minutes it lives. */
export const otpHash = (salt: Buffer, code: string): Buffer =>
  crypto.createHash('sm3').update(salt).update(code).digest();

export const tokenHash = (token: string): string => crypto.createHash('sm3').update(token).digest('hex');

export function otpBody(countyName: string, code: string): string {
  return `【${countyName}民政局】您的验证码为 ${code}，10 分钟内有效，仅用于“救助服务码上通”网上办理。如非本人操作，请忽略本短信。`;
}

/** The file's type from its first bytes; the name and the declared type are not trusted. */
export function detectMime(b: Uint8Array): PortalUploadMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((x, i) => b[i] === x)) return 'image/png';
  const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
  if (b.length >= 5 && pdf.every((x, i) => b[i] === x)) return 'application/pdf';
  return null;
}

/** A file name safe to store and show: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string, mime: PortalUploadMime): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  const ext = mime === 'image/jpeg' ? '.jpg' : mime === 'image/png' ? '.png' : '.pdf';
  const cut = Array.from(base || `材料${ext}`)
    .slice(0, 120)
    .join('');
  return cut;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud on the phone

/** 8 characters, ≈ 2^40: with the read limit, guessing one takes longer than any feedback deadline. */
export function newQueryCode(): string {
  const bytes = crypto.randomBytes(8);
  return Array.from(bytes, (x) => CODE_ALPHABET[x % CODE_ALPHABET.length]).join('');
}

export const queryCodeHash = (trackingNo: string, code: string): string =>
  crypto.createHash('sm3').update(`${trackingNo}:${code.trim().toUpperCase()}`).digest('hex');

/** 'YY-20261129-483921' (异议) or 'TS-…' (投诉): short enough to read out, never 17 digits in a row. */
export function newTrackingNo(kind: 'OBJECTION' | 'COMPLAINT', today: string): string {
  const n = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  return `${kind === 'OBJECTION' ? 'YY' : 'TS'}-${today.replaceAll('-', '')}-${n}`;
}

/** Feedback deadlines [U] (§2.3 "real-name complaints are checked one by one and answered"). */
export const COMPLAINT_FEEDBACK_WD = 15;
export const OBJECTION_FEEDBACK_WD = 5;

/** A complaint is answered within `wd` working days of receipt (parameter portal.complaintFeedbackWd). */
export const complaintDue = (receivedOn: string, wd: number, cal: HolidayCalendar): string =>
  addWorkingDays(receivedOn, wd, cal);

/**
 * An objection to a publicity is answered by the later of the publicity's last day and `wd` working
 * days after receipt (parameter portal.objectionFeedbackWd, default 5). The town must settle it before
 * the case leaves publicity (S1 Art.19 ¶2: re-investigate or hold a democratic review), but an
 * objection raised on the last day still gets `wd` working days.
 */
export function objectionDue(receivedOn: string, publicityLastDay: string, wd: number, cal: HolidayCalendar) {
  const byWd = addWorkingDays(receivedOn, wd, cal);
  return byWd > publicityLastDay ? byWd : publicityLastDay;
}

export type PublicityWindow = { postedOn: string; firstDay: string; lastDay: string };

/** Objections are timely from posting through the last day of publicity (S1 Art.19; §2.1). */
export const objectionOpen = (p: PublicityWindow | null | undefined, today: string): boolean =>
  !!p && today >= p.postedOn && today <= p.lastDay;

const ID_IN_TEXT = /\d{17}[\dXx]/g;
const MOBILE_IN_TEXT = /1[3-9]\d{9}/g;

/**
 * Free text written by staff (an initial opinion, a feedback) or by citizens, before it leaves a
 * public route: any ID number or mobile number typed into it is masked (§2.2: never on the internet).
 */
export function scrubPublicText(text: string): string {
  return text.replace(ID_IN_TEXT, (m) => maskIdNumber(m)).replace(MOBILE_IN_TEXT, (m) => maskPhone(m));
}

/** The pledge (承诺书, S5 §一(二); S1 Art.9) the applicant accepts; its version goes on the case. */
export const PLEDGE = {
  version: 'PORTAL-PLEDGE-2026-1',
  text:
    '本人承诺：所填写的家庭人口、收入、财产等情况真实、完整；家庭情况发生变化时及时告知乡镇人民政府（街道办事处）；' +
    '如有隐瞒、虚报，愿意承担相应法律责任（《社会救助暂行办法》第六十八条）。' +
    '本人同意并授权民政部门核对本人及共同生活家庭成员的经济状况，已告知家庭成员并征得其同意（《最低生活保障审核确认办法》第九条）。',
} as const;
