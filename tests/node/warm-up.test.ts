import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDataVersion } from '../../server/db/cache';
import { openSqlite } from '../../server/db/engine';
import { openDemoSqliteCopy } from '../../server/db/open';
import { warmUp } from '../../server/node/warm-up';

afterEach(() => vi.restoreAllMocks());

describe('the warm-up after listening (server/node/warm-up.ts)', () => {
  it('reads the lists once and changes nothing', async () => {
    const database = await openDemoSqliteCopy();
    const warn = vi.spyOn(console, 'warn');
    const before = await readDataVersion(database.db);
    const prepared: string[] = [];
    const prepare = database.sqlite!.prepare.bind(database.sqlite!);
    vi.spyOn(database.sqlite!, 'prepare').mockImplementation((text: string) => {
      prepared.push(text);
      return prepare(text);
    });
    await warmUp(database);
    expect(warn).not.toHaveBeenCalled();
    expect(prepared.some((text) => /from "?follow_up_sectors"?/.test(text))).toBe(true);
    expect(prepared.every((text) => /^\s*select/i.test(text))).toBe(true);
    expect(await readDataVersion(database.db)).toBe(before);
    await database.close();
  });

  it('on a database it cannot read (no tables), says so and does not throw', async () => {
    const database = openSqlite({ path: ':memory:' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(warmUp(database)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('[warm-up] skipped:', expect.stringContaining('no such table'));
    await database.close();
  });
});
