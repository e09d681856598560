import { describe, expect, it, vi } from 'vitest';
import { THROTTLE } from '../../server/auth';
import { createNodeApp } from '../../server/node/app';
import { ADMIN_EMAIL, authApi, PASSWORD, STAFF_EMAIL, type Answer } from './auth-helpers';
import { expectProblem } from './fixtures';

// Real scrypt work (cheap cost), many requests at once.
vi.setConfig({ testTimeout: 60_000 });

const MINUTE = 60_000;
const ip = (address: string) => ({ headers: { 'x-test-ip': address } });
const statuses = (answers: Answer[]) => answers.map((a) => a.status);

describe('sign-in under attack', () => {
  it(`counts a failure before the password is checked: 100 parallel wrong passwords get at most ${THROTTLE.account} answers that checked it, the rest 429 with Retry-After`, async () => {
    const t = await authApi();
    const answers = await Promise.all(Array.from({ length: 100 }, () => t.signIn(ADMIN_EMAIL(), 'not the password at all', ip('192.0.2.50'))));
    const counted = answers.filter((a) => a.status === 401 || a.status === 503);
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(THROTTLE.account);
    expect(counted.length).toBeLessThanOrEqual(THROTTLE.account);
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled.length).toBe(100 - counted.length);
    for (const answer of throttled) {
      expectProblem(answer, 429, '/problems/too-many-attempts');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses(answers).every((s) => s === 401 || s === 429 || s === 503)).toBe(true);
  });

  it('runs a bounded number of password hashes at once: the excess gets a fast 503 with Retry-After, not a queue', async () => {
    // A slower hash (2^14) so that the first is still running when the others arrive.
    const t = await authApi({ auth: { maxConcurrentHashes: 1, passwordCost: 14 } });
    const finished: Array<{ status: number; at: number }> = [];
    // Different accounts from different addresses: no throttle involved.
    const answers = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const answer = await t.signIn(i % 2 ? STAFF_EMAIL() : ADMIN_EMAIL(), PASSWORD, ip(`198.51.100.${i + 1}`));
        finished.push({ status: answer.status, at: performance.now() });
        return answer;
      }),
    );
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    for (const answer of busy) {
      expectProblem(answer, 503, '/problems/busy');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
    // Refused at once: every 503 came back before the first hash finished.
    const firstDone = Math.min(...finished.filter((f) => f.status === 200).map((f) => f.at));
    for (const f of finished.filter((x) => x.status === 503)) expect(f.at).toBeLessThan(firstDone);
  });

  it("never locks the owner out from another address: an attacker's failures count against the attacker's address", async () => {
    const t = await authApi();
    for (let i = 0; i < 30; i += 1) {
      await t.signIn(ADMIN_EMAIL(), `guess number ${i} is wrong`, ip('203.0.113.66'));
      t.advance(1_000);
    }
    expectProblem(await t.signIn(ADMIN_EMAIL(), PASSWORD, ip('203.0.113.66')), 429, '/problems/too-many-attempts');
    expect((await t.signIn(ADMIN_EMAIL(), PASSWORD, ip('10.1.2.3'))).status).toBe(200);
  });

  it('keeps a device that signed in before signed in, even from the attacked address (one office behind one proxy)', async () => {
    const t = await authApi();
    const first = await t.signIn(ADMIN_EMAIL(), PASSWORD, ip('10.0.0.9'));
    expect(first.status).toBe(200);
    const device = first.headers.getSetCookie().find((c) => c.startsWith('mitra_device='));
    expect(device).toBeDefined();
    expect(device!.split('; ')).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/auth']));
    const deviceCookie = t.cookieOf(first, 'mitra_device');

    for (let i = 0; i < 30; i += 1) await t.signIn(ADMIN_EMAIL(), `attacker guess ${i}`, ip('10.0.0.9'));
    // Without the device cookie the address is slowed down...
    expectProblem(await t.signIn(ADMIN_EMAIL(), PASSWORD, ip('10.0.0.9')), 429);
    // ...with it, the owner's device signs in.
    const owner = await t.signIn(ADMIN_EMAIL(), PASSWORD, { headers: { 'x-test-ip': '10.0.0.9', cookie: deviceCookie } });
    expect(owner.status).toBe(200);
    // A device cookie is for its own account only, and a forged one counts for nothing.
    expectProblem(await t.signIn(ADMIN_EMAIL(), PASSWORD, { headers: { 'x-test-ip': '10.0.0.9', cookie: `${deviceCookie}x` } }), 429);
    // The device's own wrong passwords are throttled on their own.
    for (let i = 0; i < THROTTLE.account; i += 1) {
      expectProblem(await t.signIn(ADMIN_EMAIL(), `typo ${i}`, { headers: { 'x-test-ip': '10.0.0.9', cookie: deviceCookie } }), 401);
    }
    expectProblem(await t.signIn(ADMIN_EMAIL(), PASSWORD, { headers: { 'x-test-ip': '10.0.0.9', cookie: deviceCookie } }), 429);
  });

  it('the per-address limit counts accounts tried, not the wrong passwords of one user', async () => {
    const t = await authApi();
    // One person mistyping their own password 25 times (waiting each time it asks).
    for (let i = 0; i < THROTTLE.ip + 5; i += 1) {
      expectProblem(await t.signIn(STAFF_EMAIL(), `my old password ${i}`, ip('192.0.2.20')), 401);
      t.advance(16 * MINUTE);
    }
    // Another account from the same address (a colleague at the same office) is not slowed down.
    expect((await t.signIn(ADMIN_EMAIL(), PASSWORD, ip('192.0.2.20'))).status).toBe(200);
    // Trying many accounts is.
    for (let i = 0; i < THROTTLE.ip; i += 1) {
      expectProblem(await t.signIn(`guess${i}@example.org`, 'password guess 123', ip('192.0.2.21')), 401);
    }
    expectProblem(await t.signIn(ADMIN_EMAIL(), PASSWORD, ip('192.0.2.21')), 429);
  });

  it('a successful sign-in does not count towards the address limit (a whole office signing in)', async () => {
    const t = await authApi();
    for (let i = 0; i < THROTTLE.ip + 5; i += 1) {
      expect((await t.signIn(i % 2 ? ADMIN_EMAIL() : STAFF_EMAIL(), PASSWORD, ip('192.0.2.30'))).status).toBe(200);
    }
  });
});

describe('the proxy warning', () => {
  it('warns once when requests carry X-Forwarded-For while the proxy is not trusted', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const api = { fetch: () => new Response('{}') };
      const untrusting = createNodeApp({ api, distDir: '/nonexistent' });
      await untrusting.request('/api/x');
      expect(warn).not.toHaveBeenCalled();
      await untrusting.request('/api/x', { headers: { 'x-forwarded-for': '203.0.113.9' } });
      await untrusting.request('/api/x', { headers: { 'x-forwarded-for': '203.0.113.10' } });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain('MITRA_TRUST_PROXY');
      const trusting = createNodeApp({ api, distDir: '/nonexistent', trustProxy: true });
      await trusting.request('/api/x', { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });
});
