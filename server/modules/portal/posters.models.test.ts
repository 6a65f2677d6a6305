import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { AppError } from '../../platform/errors.ts';
import { attachmentDisposition, policiesUrl, portalUrl, publicBaseUrl } from './posters.models.ts';

// The addresses printed in the QR codes (§9.5: one QR code per village, free locations with their
// label) and the download's file names.

describe('HUIJIU_PUBLIC_URL', () => {
  it('is optional, an http(s) address, kept without a trailing slash', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ HUIJIU_PUBLIC_URL: 'https://jiuzhu.example.gov.cn/' }).publicUrl).toBe(
      'https://jiuzhu.example.gov.cn',
    );
    for (const bad of ['jiuzhu.example.gov.cn', 'ftp://jiuzhu.example.gov.cn', 'https://救助.cn'])
      expect(() => loadConfig({ HUIJIU_PUBLIC_URL: bad })).toThrow(/HUIJIU_PUBLIC_URL/);
  });
});

describe('publicBaseUrl', () => {
  it('is HUIJIU_PUBLIC_URL when configured (without a trailing slash), whatever the request', () => {
    expect(publicBaseUrl('https://jiuzhu.example.gov.cn/', { protocol: 'http', host: 'internal:3000' })).toBe(
      'https://jiuzhu.example.gov.cn',
    );
  });

  it.each([
    [{ protocol: 'http', host: 'localhost:3000' }, 'http://localhost:3000'],
    [{ protocol: 'https', host: 'Huijiu.County.GOV.cn' }, 'https://huijiu.county.gov.cn'],
    [{ protocol: 'http', host: '[::1]:3000' }, 'http://[::1]:3000'],
    [{ protocol: 'gopher', host: '10.0.0.5' }, 'http://10.0.0.5'],
  ])('else the origin the request came to: %o → %s', (req, base) => {
    expect(publicBaseUrl(undefined, req)).toBe(base);
  });

  it.each(['evil.cn/"><x', 'a b', 'host@evil.cn', ''])(
    'refuses a Host header that is not a host: %j',
    (host) => {
      const refused = (() => {
        try {
          publicBaseUrl(undefined, { protocol: 'http', host });
        } catch (e) {
          return e as AppError;
        }
      })();
      expect(refused?.status).toBe(400);
      expect(refused?.details).toEqual([
        expect.objectContaining({ field: 'host', messageEn: expect.stringContaining('Host') }),
      ]);
    },
  );
});

describe('portalUrl', () => {
  const base = 'https://jiuzhu.example.gov.cn';
  it.each([
    [{ villageCode: '370971001201' }, `${base}/portal?v=370971001201`],
    [
      { villageCode: '370971001201', location: '北集坡公交站' },
      `${base}/portal?v=370971001201&at=%E5%8C%97%E9%9B%86%E5%9D%A1%E5%85%AC%E4%BA%A4%E7%AB%99`,
    ],
    [{ location: 'Park & Ride #2' }, `${base}/portal?at=Park%20%26%20Ride%20%232`],
    [{}, `${base}/portal`],
  ])('%o → %s', (where, url) => {
    expect(portalUrl(base, where)).toBe(url);
  });

  it('the policy list of 码上知', () => {
    expect(policiesUrl(base)).toBe(`${base}/portal/policies`);
  });
});

it('a download is an attachment with an ASCII file name and the UTF-8 one (RFC 6266 / 5987)', () => {
  expect(attachmentDisposition('poster-370971001201.pdf', "海报(1)'s.pdf")).toBe(
    `attachment; filename="poster-370971001201.pdf"; filename*=UTF-8''%E6%B5%B7%E6%8A%A5%281%29%27s.pdf`,
  );
  expect(attachmentDisposition('a "b".pdf', 'x.pdf')).toBe(
    `attachment; filename="a__b_.pdf"; filename*=UTF-8''x.pdf`,
  );
});
