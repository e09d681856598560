import { describe, expect, it } from 'vitest';
import { diffFields, stableJson } from '@/domain/audit';

describe('diffFields', () => {
  it('reports only changed fields, with before and after, sorted by name', () => {
    expect(
      diffFields(
        { id: 'x', version: 1, title: 'A', dueDate: '2025-10-01', sectorIds: ['trade'], status: 'open' },
        { id: 'x', version: 2, title: 'A', dueDate: '2025-10-15', sectorIds: ['trade', 'tourism'], status: 'open' },
      ),
    ).toEqual([
      { field: 'dueDate', before: '2025-10-01', after: '2025-10-15' },
      { field: 'sectorIds', before: ['trade'], after: ['trade', 'tourism'] },
    ]);
  });

  it('ignores bookkeeping and embedded logs, and key order inside objects', () => {
    expect(
      diffFields(
        { updatedAt: '1', history: [1], stageHistory: [], agreements: { a: '1', b: '2' } },
        { updatedAt: '2', history: [1, 2], stageHistory: [1], agreements: { b: '2', a: '1' } },
      ),
    ).toEqual([]);
  });

  it('records a cleared field without an after value and a set field without a before', () => {
    expect(diffFields({ place: 'Tigaraksa' }, { time: '10:00' })).toEqual([
      { field: 'place', before: 'Tigaraksa' },
      { field: 'time', after: '10:00' },
    ]);
  });

  it('treats a missing list and an empty list as the same', () => {
    expect(diffFields({ tags: [] }, {})).toEqual([]);
    expect(diffFields({}, { tags: ['x'] })).toEqual([{ field: 'tags', after: ['x'] }]);
  });

  it('stableJson sorts keys at every depth', () => {
    expect(stableJson({ b: { d: 1, c: 2 }, a: [{ z: 1, y: 2 }] })).toBe('{"a":[{"y":2,"z":1}],"b":{"c":2,"d":1}}');
  });
});
