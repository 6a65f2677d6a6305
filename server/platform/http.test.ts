import { describe, expect, it } from 'vitest';
import { redactUrl } from './http.ts';

// Personal data never reaches logs (DEVELOPERS.md: masked in lists, logs and public pages).
describe('redactUrl', () => {
  it.each([
    ['/api/v1/households?q=370911195501010026&page=2', '/api/v1/households?q=***&page=2'],
    ['/api/v1/households?q=%E5%BC%A0%E4%B8%89', '/api/v1/households?q=***'],
    ['/api/v1/households?page=1', '/api/v1/households?page=1'],
    ['/api/v1/households/abc', '/api/v1/households/abc'],
  ])('%s is logged as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
