import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules in eslint.config.js are checked on resolved paths: the same import written
 * relatively or through the `@/` alias is one import. Each case lints a few lines as if they
 * stood in a file at `at` (the file need not exist; what it imports does).
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(at: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: at });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

describe('the layer rules', () => {
  it("refuse another feature's internals, written relatively or through the alias", async () => {
    const at = 'src/features/meetings/components/layer-fixture.ts';
    expect(await layerErrors(at, "export { StageTag } from '../../partners/components/stage-tag';\n")).toHaveLength(1);
    expect(await layerErrors(at, "export { StageTag } from '@/features/partners/components/stage-tag';\n")).toHaveLength(1);
    expect(await layerErrors(at, "export { partnershipKeys } from '../../partners/api/queries';\n")).toHaveLength(1);
  });

  it("let a feature use another's public index.ts, and its own files", async () => {
    const at = 'src/features/meetings/components/layer-fixture.ts';
    expect(await layerErrors(at, "export { partnershipKeys } from '../../partners';\n")).toEqual([]);
    expect(await layerErrors(at, "export { partnershipKeys } from '@/features/partners';\n")).toEqual([]);
    expect(await layerErrors(at, "export { meetingKeys } from '../api/queries';\n")).toEqual([]);
  });

  it('keep the domain pure and shared layers below the app, however the path is written', async () => {
    expect(await layerErrors('src/domain/layer-fixture.ts', "export { Layout } from '../app/layout';\n")).toHaveLength(1);
    expect(await layerErrors('src/domain/layer-fixture.ts', "export { apiGet } from '../lib/api-client';\n")).toHaveLength(1);
    expect(await layerErrors('src/lib/layer-fixture.ts', "export { LoadingState } from '../components/ui/states';\n")).toHaveLength(1);
    expect(await layerErrors('src/components/ui/layer-fixture.ts', "export { useCan } from '../../session/session';\n")).toHaveLength(1);
    expect(await layerErrors('src/features/partners/layer-fixture.ts', "export { Layout } from '../../app/layout';\n")).toHaveLength(1);
  });

  it('keep mocks and the server out of src, except the demo entry', async () => {
    expect(await layerErrors('src/lib/layer-fixture.ts', "export { demoSnapshot } from '../../mocks/demo-data';\n")).toHaveLength(1);
    expect(await layerErrors('src/features/dashboard/layer-fixture.ts', "export { createApi } from '../../../server/app';\n")).toHaveLength(1);
    expect(await layerErrors('src/main.tsx', "export const start = () => import('../mocks/browser');\n")).toEqual([]);
  });
});
