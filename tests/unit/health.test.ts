import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addMonths,
  dayOfInstant,
  daysBetween,
  monthsOfPeriod,
  todayIn,
} from '../../src/domain/dates';
import {
  HEALTH_REASON_CODES,
  hasSignedMou,
  healthFactsByPartnership,
  letterOfIntentDate,
  liveSince,
  partnershipHealth,
  type HealthReason,
} from '../../src/domain/health';
import type { Partnership, Stage, StageChange } from '../../src/domain/partnership';
import { agreedOn, clampRange } from '../../src/domain/stats';

type P = Pick<Partnership, 'stage' | 'stageHistory' | 'agreements'>;

const step = (to: Stage, date: string, from?: Stage): StageChange => ({
  ...(from ? { from } : {}),
  to,
  date,
  by: 'usr-test',
  at: `${date}T03:00:00.000Z`,
});

/** A partnership that went through the given stages, on the given dates; the last is current. */
function partnership(stages: Array<[Stage, string]>, agreements: P['agreements'] = {}): P {
  return {
    stage: stages.at(-1)![0],
    stageHistory: stages.map(([to, date], i) => step(to, date, stages[i - 1]?.[0])),
    agreements,
  };
}

const codes = (reasons: HealthReason[]) => reasons.map((r) => r.code);
const TODAY = '2025-11-01';

describe('addMonths', () => {
  it.each([
    ['2025-11-01', -6, '2025-05-01'],
    ['2025-08-31', -6, '2025-02-28'], // no 31 February: the last day of the month
    ['2024-08-31', -6, '2024-02-29'], // leap year
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2025-05-15', -17, '2023-12-15'], // across two year boundaries
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2025-06-30', 0, '2025-06-30'],
  ])('%s %+d months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('daysBetween and monthsOfPeriod', () => {
  it('counts calendar days, across month ends, leap days and years', () => {
    expect(daysBetween('2025-11-01', '2025-11-01')).toBe(0);
    expect(daysBetween('2025-11-01', '2026-01-30')).toBe(90);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('lists every month of a period, partial ones included', () => {
    expect(monthsOfPeriod('2025-01-01', '2025-12-31')).toHaveLength(12);
    expect(monthsOfPeriod('2024-11-15', '2025-02-01')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(monthsOfPeriod('2025-09-22', '2025-09-22')).toEqual(['2025-09']);
  });

  it('clamps a month to the period', () => {
    expect(
      clampRange(
        { from: '2025-02-01', to: '2025-02-28' },
        { from: '2025-02-10', to: '2025-12-31' },
      ),
    ).toEqual({
      from: '2025-02-10',
      to: '2025-02-28',
    });
  });
});

describe('dayOfInstant', () => {
  const zones = [
    'Asia/Jakarta',
    'UTC',
    'America/Los_Angeles',
    'Europe/London',
    'Asia/Kolkata', // +5:30
    'Asia/Kathmandu', // +5:45
    'Australia/Lord_Howe', // half-hour daylight saving
    'Pacific/Chatham', // +12:45 / +13:45
    'America/St_Johns', // −3:30 / −2:30
    'Pacific/Apia', // skipped 30 December 2011
    'Pacific/Kiritimati',
  ];

  it('agrees with todayIn for any stored instant in any zone, daylight-saving days included', () => {
    const instant = fc
      .integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2050, 0, 1) })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (at, zone) => {
        expect(dayOfInstant(at, zone)).toBe(todayIn(zone, new Date(at)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with todayIn every 5 minutes around daylight-saving changes and skipped days', () => {
    const days: Array<[string, string]> = [
      ['2025-03-09', 'America/Los_Angeles'],
      ['2025-11-02', 'America/Los_Angeles'],
      ['2025-03-30', 'Europe/London'],
      ['2025-04-06', 'Australia/Lord_Howe'],
      ['2025-10-05', 'Australia/Lord_Howe'],
      ['2025-04-06', 'Pacific/Chatham'],
      ['2025-03-09', 'America/St_Johns'],
      ['2011-12-30', 'Pacific/Apia'],
      ['1964-01-01', 'Asia/Jakarta'], // Jakarta's last change of offset (+7:30 → +7:00)
    ];
    let compared = 0;
    for (const [day, zone] of days) {
      const start = Date.parse(`${day}T00:00:00.000Z`) - 86_400_000;
      for (let ms = start; ms < start + 3 * 86_400_000; ms += 300_000) {
        const at = new Date(ms).toISOString();
        expect(dayOfInstant(at, zone), `${at} ${zone}`).toBe(todayIn(zone, new Date(at)));
        compared += 1;
      }
    }
    expect(compared).toBe(days.length * 3 * 288);
  });

  it.each([
    ['2025-03-09T09:59:59.999Z', 'America/Los_Angeles'], // 01:59:59 PST, the DST day
    ['2025-03-09T10:00:00.000Z', 'America/Los_Angeles'], // 03:00 PDT
    ['2025-11-02T07:30:00.000Z', 'America/Los_Angeles'], // the repeated hour
    ['2025-04-05T14:59:59.000Z', 'Australia/Lord_Howe'],
    ['2011-12-30T10:00:00.000Z', 'Pacific/Apia'],
    ['2025-03-31T17:30:00.000Z', 'Asia/Jakarta'],
    ['2025-03-31T16:59:59.999Z', 'Asia/Jakarta'],
  ])('at %s in %s', (at, zone) => {
    expect(dayOfInstant(at, zone)).toBe(todayIn(zone, new Date(at)));
  });

  it('reads other ISO forms too (no milliseconds, an offset)', () => {
    expect(dayOfInstant('2025-03-31T17:30:00Z')).toBe('2025-04-01');
    expect(dayOfInstant('2025-04-01T00:30:00+07:00')).toBe('2025-04-01');
    expect(dayOfInstant('2025-03-31T23:59:00+07:00')).toBe('2025-03-31');
  });
});

describe('agreedOn', () => {
  it('is the day of creation in Jakarta, not in UTC', () => {
    expect(agreedOn({ createdAt: '2025-03-31T17:30:00.000Z' })).toBe('2025-04-01');
    expect(agreedOn({ createdAt: '2025-03-31T16:59:59.999Z' })).toBe('2025-03-31');
    expect(agreedOn({ createdAt: '2025-12-31T17:00:00.000Z' })).toBe('2026-01-01');
  });
});

describe('partnershipHealth: no meeting in 6 months', () => {
  const active = partnership([
    ['exploring', '2020-01-10'],
    ['active', '2021-01-10'],
  ]);

  it('flags a live partnership whose last meeting is more than 6 calendar months ago', () => {
    const reasons = partnershipHealth(active, {
      lastMeetingDate: '2025-04-30',
      overdueCount: 0,
      today: TODAY,
    });
    expect(reasons).toEqual([
      {
        code: 'noMeetingIn6Months',
        params: { lastMeetingDate: '2025-04-30', sinceDate: '2025-04-30', months: 6 },
      },
    ]);
  });

  it('does not flag a meeting exactly 6 months ago, nor a later one', () => {
    expect(
      partnershipHealth(active, { lastMeetingDate: '2025-05-01', overdueCount: 0, today: TODAY }),
    ).toEqual([]);
    expect(
      partnershipHealth(active, { lastMeetingDate: '2025-10-31', overdueCount: 0, today: TODAY }),
    ).toEqual([]);
    expect(
      partnershipHealth(active, { lastMeetingDate: TODAY, overdueCount: 0, today: TODAY }),
    ).toEqual([]);
  });

  it.each([
    // today, last meeting on the limit (not flagged), the day before (flagged)
    ['2025-08-31', '2025-02-28', '2025-02-27'], // 31 August − 6 months: end of February
    ['2024-08-31', '2024-02-29', '2024-02-28'], // in a leap year
    ['2025-03-31', '2024-09-30', '2024-09-29'], // no 31 September
    ['2025-01-15', '2024-07-15', '2024-07-14'], // across the year
  ])(
    'at month ends: on %s a meeting on %s counts, one on %s does not',
    (today, onLimit, before) => {
      expect(
        partnershipHealth(active, { lastMeetingDate: onLimit, overdueCount: 0, today }),
      ).toEqual([]);
      expect(
        codes(partnershipHealth(active, { lastMeetingDate: before, overdueCount: 0, today })),
      ).toEqual(['noMeetingIn6Months']);
    },
  );

  it('flags partners that never met once the partnership is 6 months old', () => {
    const old = partnership([['exploring', '2025-04-30']]);
    expect(partnershipHealth(old, { overdueCount: 0, today: TODAY })).toEqual([
      {
        code: 'noMeetingIn6Months',
        params: { lastMeetingDate: null, sinceDate: '2025-04-30', months: 6 },
      },
    ]);
    const young = partnership([['exploring', '2025-05-01']]);
    expect(partnershipHealth(young, { overdueCount: 0, today: TODAY })).toEqual([]);
    const noHistory: P = { stage: 'exploring', stageHistory: [], agreements: {} };
    expect(partnershipHealth(noHistory, { overdueCount: 0, today: TODAY })).toEqual([
      {
        code: 'noMeetingIn6Months',
        params: { lastMeetingDate: null, sinceDate: null, months: null },
      },
    ]);
  });

  it('starts the clock again when a partnership comes back out of dormant', () => {
    const back = partnership([
      ['exploring', '2019-01-01'],
      ['active', '2019-06-01'],
      ['dormant', '2022-01-01'],
      ['active', '2025-07-01'],
    ]);
    expect(liveSince(back)).toBe('2025-07-01');
    expect(
      partnershipHealth(back, { lastMeetingDate: '2021-05-05', overdueCount: 0, today: TODAY }),
    ).toEqual([]);
    expect(
      partnershipHealth(back, {
        lastMeetingDate: '2021-05-05',
        overdueCount: 0,
        today: '2026-01-02',
      }),
    ).toEqual([
      {
        code: 'noMeetingIn6Months',
        params: { lastMeetingDate: '2021-05-05', sinceDate: '2025-07-01', months: 6 },
      },
    ]);
  });

  it('does not count a planned meeting (dated after today) as met', () => {
    const reasons = partnershipHealth(active, {
      lastMeetingDate: '2026-05-20',
      overdueCount: 0,
      today: TODAY,
    });
    expect(reasons).toEqual([
      {
        code: 'noMeetingIn6Months',
        params: { lastMeetingDate: null, sinceDate: '2020-01-10', months: 69 },
      },
    ]);
  });

  it('leaves dormant and ended partnerships alone (dormant already says they went quiet)', () => {
    const dormant = partnership([
      ['active', '2019-01-01'],
      ['dormant', '2023-06-30'],
    ]);
    const ended = partnership([
      ['active', '2019-01-01'],
      ['ended', '2023-06-30'],
    ]);
    expect(partnershipHealth(dormant, { overdueCount: 0, today: TODAY })).toEqual([]);
    expect(partnershipHealth(ended, { overdueCount: 0, today: TODAY })).toEqual([]);
  });
});

describe('partnershipHealth: letter of intent without an MoU for over 12 months', () => {
  const facts = { lastMeetingDate: '2025-10-01', overdueCount: 0, today: TODAY };

  it('flags an LoI signed before today − 12 months, by its agreement date', () => {
    const p = partnership(
      [
        ['exploring', '2024-02-01'],
        ['letter-of-intent', '2024-08-01'],
      ],
      { loiDate: '2024-08-01' },
    );
    expect(partnershipHealth(p, facts)).toEqual([
      { code: 'loiWithoutMouOver12Months', params: { loiDate: '2024-08-01', months: 15 } },
    ]);
  });

  it('is not older than 12 months on the anniversary itself, and is the day after', () => {
    const p = partnership([['letter-of-intent', '2024-11-01']]);
    expect(partnershipHealth(p, { ...facts, today: '2025-11-01' })).toEqual([]);
    expect(
      codes(partnershipHealth(p, { ...facts, today: '2025-11-02', lastMeetingDate: '2025-11-01' })),
    ).toEqual(['loiWithoutMouOver12Months']);
  });

  it('handles an LoI signed on 29 February', () => {
    const p = partnership([['letter-of-intent', '2024-02-29']]);
    expect(
      partnershipHealth(p, { ...facts, today: '2025-02-28', lastMeetingDate: '2025-02-01' }),
    ).toEqual([]);
    expect(
      codes(partnershipHealth(p, { ...facts, today: '2025-03-01', lastMeetingDate: '2025-02-01' })),
    ).toEqual(['loiWithoutMouOver12Months']);
  });

  it('falls back to the stage history when the agreement date is missing, taking the first LoI', () => {
    const p = partnership([
      ['exploring', '2023-01-01'],
      ['letter-of-intent', '2023-05-05'],
      ['exploring', '2023-09-01'],
      ['letter-of-intent', '2025-06-01'],
    ]);
    expect(letterOfIntentDate(p)).toBe('2023-05-05');
    expect(partnershipHealth(p, facts)).toEqual([
      { code: 'loiWithoutMouOver12Months', params: { loiDate: '2023-05-05', months: 29 } },
    ]);
  });

  it('still counts while the MoU is being drafted, and in exploring after the LoI', () => {
    const drafting = partnership([
      ['letter-of-intent', '2024-01-10'],
      ['mou-drafting', '2025-03-01'],
    ]);
    expect(codes(partnershipHealth(drafting, facts))).toEqual(['loiWithoutMouOver12Months']);
    const back = partnership([
      ['letter-of-intent', '2024-01-10'],
      ['exploring', '2025-03-01'],
    ]);
    expect(codes(partnershipHealth(back, facts))).toEqual(['loiWithoutMouOver12Months']);
  });

  it('is not flagged once an MoU was signed, nor for dormant, ended or signed partnerships', () => {
    const signedBefore = partnership(
      [
        ['letter-of-intent', '2020-01-10'],
        ['mou-drafting', '2024-01-01'],
      ],
      {
        loiDate: '2020-01-10',
        mouSignedDate: '2021-01-01',
      },
    );
    expect(hasSignedMou(signedBefore)).toBe(true);
    expect(partnershipHealth(signedBefore, facts)).toEqual([]);
    const historySigned = partnership([
      ['letter-of-intent', '2020-01-10'],
      ['mou-signed', '2021-01-01'],
      ['dormant', '2022-01-01'],
      ['exploring', '2025-09-01'],
    ]);
    expect(hasSignedMou(historySigned)).toBe(true);
    expect(partnershipHealth(historySigned, facts)).toEqual([]);
    for (const stage of ['dormant', 'ended', 'mou-signed', 'active'] as const) {
      const p = partnership([
        ['letter-of-intent', '2020-01-10'],
        [stage, '2021-01-01'],
      ]);
      expect(codes(partnershipHealth(p, facts))).not.toContain('loiWithoutMouOver12Months');
    }
  });

  it('needs an LoI: exploring without one is not flagged for it', () => {
    expect(partnershipHealth(partnership([['exploring', '2020-01-01']]), facts)).toEqual([]);
  });
});

describe('partnershipHealth: MoU expiry', () => {
  const facts = { lastMeetingDate: '2025-10-01', overdueCount: 0, today: TODAY };
  const signed = (expires: string, stage: Stage = 'active') =>
    partnership(
      [
        ['mou-signed', '2020-01-01'],
        ...(stage === 'mou-signed' ? [] : [[stage, '2020-06-01'] as [Stage, string]]),
      ],
      {
        mouSignedDate: '2020-01-01',
        mouExpiresDate: expires,
      },
    );

  it.each([
    ['2025-11-01', 0], // expires today: still within, not yet expired
    ['2025-12-31', 60],
    ['2026-01-30', 90], // today + 90 days: the last day still within
  ])('flags an MoU expiring on %s (%d days left)', (expires, daysLeft) => {
    expect(partnershipHealth(signed(expires), facts)).toEqual([
      { code: 'mouExpiringWithin90Days', params: { expiresDate: expires, daysLeft } },
    ]);
  });

  it('does not flag one expiring on day 91', () => {
    expect(partnershipHealth(signed('2026-01-31'), facts)).toEqual([]);
  });

  it('flags an expired MoU while the partnership is mou-signed or active', () => {
    expect(partnershipHealth(signed('2025-10-31'), facts)).toEqual([
      { code: 'mouExpired', params: { expiresDate: '2025-10-31', daysAgo: 1 } },
    ]);
    expect(codes(partnershipHealth(signed('2024-11-10', 'mou-signed'), facts))).toEqual([
      'mouExpired',
    ]);
  });

  it('does not call a dormant or ended partnership expired, but warns a dormant one before expiry', () => {
    expect(partnershipHealth(signed('2024-11-10', 'dormant'), facts)).toEqual([]);
    expect(partnershipHealth(signed('2024-11-10', 'ended'), facts)).toEqual([]);
    expect(codes(partnershipHealth(signed('2025-12-01', 'dormant'), facts))).toEqual([
      'mouExpiringWithin90Days',
    ]);
    expect(partnershipHealth(signed('2025-12-01', 'ended'), facts)).toEqual([]);
  });

  it('uses the leap day correctly: 90 days from 2024-01-01 is 2024-03-31', () => {
    expect(
      codes(
        partnershipHealth(signed('2024-03-31'), {
          ...facts,
          today: '2024-01-01',
          lastMeetingDate: '2023-12-01',
        }),
      ),
    ).toEqual(['mouExpiringWithin90Days']);
    expect(
      partnershipHealth(signed('2024-04-01'), {
        ...facts,
        today: '2024-01-01',
        lastMeetingDate: '2023-12-01',
      }),
    ).toEqual([]);
  });
});

describe('partnershipHealth: overdue follow-ups and several reasons', () => {
  it('counts overdue follow-ups for every live stage, dormant included', () => {
    for (const stage of [
      'exploring',
      'letter-of-intent',
      'mou-drafting',
      'mou-signed',
      'active',
      'dormant',
    ] as const) {
      const p = partnership([[stage, '2025-10-01']]);
      expect(
        partnershipHealth(p, { lastMeetingDate: '2025-10-01', overdueCount: 3, today: TODAY }),
      ).toEqual([{ code: 'overdueFollowUps', params: { count: 3 } }]);
    }
    expect(
      partnershipHealth(partnership([['ended', '2025-10-01']]), { overdueCount: 3, today: TODAY }),
    ).toEqual([]);
  });

  it('gives every reason that applies, in a fixed order', () => {
    const p = partnership(
      [
        ['letter-of-intent', '2023-01-01'],
        ['mou-drafting', '2023-06-01'],
      ],
      {
        loiDate: '2023-01-01',
        mouExpiresDate: '2025-12-01', // an old MoU being replaced
      },
    );
    expect(codes(partnershipHealth(p, { overdueCount: 2, today: TODAY }))).toEqual([
      'noMeetingIn6Months',
      'loiWithoutMouOver12Months',
      'mouExpiringWithin90Days',
      'overdueFollowUps',
    ]);
    const active = partnership([['active', '2020-01-01']], {
      mouSignedDate: '2020-01-01',
      mouExpiresDate: '2025-01-01',
    });
    expect(
      codes(
        partnershipHealth(active, { lastMeetingDate: '2024-01-01', overdueCount: 1, today: TODAY }),
      ),
    ).toEqual(['noMeetingIn6Months', 'mouExpired', 'overdueFollowUps']);
    for (const reasons of [partnershipHealth(p, { overdueCount: 2, today: TODAY })]) {
      const order = reasons.map((r) => HEALTH_REASON_CODES.indexOf(r.code));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });
});

describe('healthFactsByPartnership', () => {
  it('takes the latest meeting held by today and counts overdue follow-ups, in one pass each', () => {
    const facts = healthFactsByPartnership(
      [
        { partnershipId: 'a', date: '2025-03-01' },
        { partnershipId: 'a', date: '2025-09-22' },
        { partnershipId: 'a', date: '2026-05-20' }, // planned
        { partnershipId: 'b', date: '2026-01-01' }, // planned only
      ],
      [
        { partnershipId: 'a', status: 'open', dueDate: '2025-10-31' }, // overdue
        { partnershipId: 'a', status: 'blocked', dueDate: '2025-01-01' }, // overdue
        { partnershipId: 'a', status: 'open', dueDate: TODAY }, // due today: not overdue
        { partnershipId: 'a', status: 'done', dueDate: '2025-01-01' },
        { partnershipId: 'c', status: 'cancelled', dueDate: '2025-01-01' },
        { partnershipId: 'c', status: 'in-progress', dueDate: '2024-12-31' }, // overdue
      ],
      TODAY,
    );
    expect(facts.get('a')).toEqual({ lastMeetingDate: '2025-09-22', overdueCount: 2 });
    expect(facts.get('b')).toBeUndefined(); // only a planned meeting: as if never met
    expect(facts.get('c')).toEqual({ overdueCount: 1 });
    expect(facts.get('d')).toBeUndefined();
  });
});

describe('time zone independence', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives the same reasons and dates whatever the machine’s zone', () => {
    const cases: Array<[P, Parameters<typeof partnershipHealth>[1]]> = [
      [
        partnership([['active', '2020-01-01']], {
          mouSignedDate: '2020-01-01',
          mouExpiresDate: '2025-11-29',
        }),
        { lastMeetingDate: '2025-02-28', overdueCount: 1, today: '2025-08-31' },
      ],
      [partnership([['letter-of-intent', '2024-02-29']]), { overdueCount: 0, today: '2025-03-01' }],
      [
        partnership([['active', '2020-01-01']], { mouExpiresDate: '2024-12-31' }),
        { lastMeetingDate: '2024-09-30', overdueCount: 0, today: '2025-03-31' },
      ],
    ];
    const run = () => ({
      health: cases.map(([p, facts]) => partnershipHealth(p, facts)),
      months: [
        addMonths('2025-08-31', -6),
        addMonths('2024-02-29', 12),
        daysBetween('2025-03-01', '2025-03-31'),
      ],
      agreed: agreedOn({ createdAt: '2025-03-31T17:30:00.000Z' }),
    });
    const results = [
      'UTC',
      'America/Los_Angeles',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Asia/Jakarta',
    ].map((zone) => {
      process.env.TZ = zone;
      // The zone really changed for Date's local-time methods.
      return { zone, offset: new Date('2025-01-01T00:00:00Z').getTimezoneOffset(), result: run() };
    });
    expect(new Set(results.map((r) => r.offset)).size).toBeGreaterThan(1);
    for (const r of results) expect(r.result).toEqual(results[0]!.result);
    expect(results[0]!.result.health.map(codes)).toEqual([
      ['mouExpiringWithin90Days', 'overdueFollowUps'],
      ['noMeetingIn6Months', 'loiWithoutMouOver12Months'],
      ['mouExpired'],
    ]);
    expect(results[0]!.result.months).toEqual(['2025-02-28', '2025-02-28', 30]);
  });
});
