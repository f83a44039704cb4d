import {
  APPROVAL_OPTIONS,
  checkChoices,
  computeOutcome,
  formatReceipt,
  NEXT_STEP,
  normalizeReceipt,
  outcomeSummary,
  pollOptions,
  RECEIPT_ALPHABET,
  RECEIPT_PATTERN,
  receiptFromBytes,
  STEPS,
  tallyDigestText,
  type PollRules,
} from '../../../core/agenda';

const approval = (rules: Partial<PollRules> = {}): PollRules => ({
  kind: 'approval',
  options: pollOptions('approval', []),
  minChoices: 1,
  maxChoices: 1,
  quorumPct: 50,
  thresholdPct: 50,
  thresholdBase: 'cast',
  ...rules,
});
const choice = (
  kind: 'single' | 'multiple',
  labels: string[],
  rules: Partial<PollRules> = {},
): PollRules => ({
  kind,
  options: pollOptions(kind, labels),
  minChoices: 1,
  maxChoices: kind === 'multiple' ? labels.length : 1,
  quorumPct: 0,
  thresholdPct: 50,
  thresholdBase: 'cast',
  ...rules,
});

describe('steps', () => {
  test('each step but the last leads to the next one, in order', () => {
    for (const [i, step] of STEPS.entries()) expect(NEXT_STEP[step]).toBe(STEPS[i + 1]);
  });
});

describe('computeOutcome: the threshold is an exact integer comparison', () => {
  test.each([
    [7, false],
    [8, true],
  ])('50%% of 15 eligible: %i 赞成 carried = %s', (yes, carried) => {
    const outcome = computeOutcome(approval({ thresholdBase: 'eligible', quorumPct: 0 }), 15, 15, {
      yes,
      no: 15 - yes,
    });
    expect(outcome.carried).toEqual(carried ? ['yes'] : []);
    expect(outcome.passed).toBe(carried);
  });

  test('exactly at the threshold carries (60% of 10 cast is 6)', () => {
    expect(computeOutcome(approval({ thresholdPct: 60 }), 20, 10, { yes: 6, no: 4 }).carried).toEqual([
      'yes',
    ]);
    expect(computeOutcome(approval({ thresholdPct: 61 }), 20, 10, { yes: 6, no: 4 }).carried).toEqual([]);
  });

  test('no floating-point slip: 57 of 100 reaches 57% (57 / 100 * 100 is 56.99999999999999)', () => {
    expect((57 / 100) * 100).toBeLessThan(57);
    const outcome = computeOutcome(approval({ thresholdPct: 57, quorumPct: 57 }), 100, 100, { yes: 57 });
    expect(outcome).toMatchObject({ carried: ['yes'], quorumMet: true, passed: true });
  });

  test('the base is the ballots cast or everyone eligible', () => {
    const counts = { yes: 7, no: 1 };
    expect(computeOutcome(approval({ thresholdBase: 'cast' }), 15, 8, counts)).toMatchObject({
      carried: ['yes'],
      percents: { yes: 87.5, no: 12.5, abstain: 0 },
    });
    expect(computeOutcome(approval({ thresholdBase: 'eligible' }), 15, 8, counts)).toMatchObject({
      carried: [],
      percents: { yes: 46.7, no: 6.7, abstain: 0 },
    });
  });

  test('a threshold of 0 carries every option, but not with no base at all', () => {
    const rules = choice('single', ['甲方案', '乙方案'], { thresholdPct: 0 });
    expect(computeOutcome(rules, 10, 3, { o1: 3 }).carried).toEqual(['o1', 'o2']);
    expect(computeOutcome(rules, 10, 0, {}).carried).toEqual([]);
  });
});

describe('computeOutcome: the quorum', () => {
  test.each([
    [15, 50, 7, false],
    [15, 50, 8, true],
    [10, 40, 4, true],
    [10, 40, 3, false],
    [3, 100, 3, true],
    [3, 100, 2, false],
    [10, 0, 0, true],
    [0, 0, 0, false],
  ])('%i eligible, %i%% quorum, %i cast: met = %s', (eligible, quorumPct, cast, met) => {
    expect(computeOutcome(approval({ quorumPct }), eligible, cast, { yes: cast }).quorumMet).toBe(met);
  });

  test('without the quorum nothing passes, even unanimous', () => {
    const outcome = computeOutcome(approval({ quorumPct: 60 }), 15, 8, { yes: 8 });
    expect(outcome).toMatchObject({ quorumMet: false, carried: ['yes'], passed: false });
  });
});

describe('computeOutcome: what passes', () => {
  test('an approval poll passes only on 赞成: 反对 or 弃权 carry nothing', () => {
    expect(computeOutcome(approval(), 10, 10, { no: 9, yes: 1 })).toMatchObject({
      carried: [],
      passed: false,
    });
    expect(computeOutcome(approval(), 10, 10, { abstain: 8, yes: 2 })).toMatchObject({
      carried: [],
      passed: false,
    });
    expect(computeOutcome(approval(), 10, 10, { yes: 5, no: 5 })).toMatchObject({
      carried: ['yes'],
      passed: true,
    });
  });

  test('a choice poll passes when any option carries; several may', () => {
    const rules = choice('multiple', ['加盖', '护栏', '水泵'], { thresholdPct: 50 });
    expect(computeOutcome(rules, 10, 10, { o1: 6, o2: 5, o3: 4 })).toMatchObject({
      carried: ['o1', 'o2'],
      passed: true,
    });
    expect(computeOutcome(rules, 10, 10, { o1: 4, o2: 4, o3: 2 })).toMatchObject({
      carried: [],
      passed: false,
    });
  });

  test('every option is counted, missing ones as 0; counts of unknown options are left out', () => {
    const outcome = computeOutcome(approval(), 20, 3, { yes: 2, no: 1, maybe: 5 });
    expect(outcome.counts).toEqual({ yes: 2, no: 1, abstain: 0 });
    expect(Object.keys(outcome.percents)).toEqual(['yes', 'no', 'abstain']);
  });

  test('percentages have one decimal; turnout is of the eligible', () => {
    const outcome = computeOutcome(choice('single', ['甲方案', '乙方案', '丙方案']), 7, 3, { o1: 2, o2: 1 });
    expect(outcome).toMatchObject({
      cast: 3,
      eligible: 7,
      percents: { o1: 66.7, o2: 33.3, o3: 0 },
      turnoutPct: 42.9,
    });
  });

  test('nobody eligible: zeros, nothing met, nothing passed', () => {
    expect(computeOutcome(approval({ quorumPct: 0, thresholdPct: 0 }), 0, 0, {})).toMatchObject({
      turnoutPct: 0,
      quorumMet: false,
      passed: false,
    });
  });
});

describe('checkChoices', () => {
  const single = choice('single', ['东头', '西头', '村委旁']);
  const multiple = choice('multiple', ['加盖', '护栏', '水泵', '照明'], { minChoices: 2, maxChoices: 3 });

  test.each([
    ['single', single, ['o2'], null],
    ['single', single, [], '请选择一项'],
    ['single', single, ['o1', 'o2'], '请选择一项'],
    ['single', single, ['o4'], '选项不存在'],
    ['single', single, ['o1', 'o1'], '同一个选项不能选两次'],
    ['multiple', multiple, ['o1', 'o4'], null],
    ['multiple', multiple, ['o3', 'o2', 'o1'], null],
    ['multiple', multiple, ['o1'], '至少要选 2 项'],
    ['multiple', multiple, ['o1', 'o2', 'o3', 'o4'], '最多只能选 3 项'],
    ['multiple', multiple, ['o1', 'o9'], '选项不存在'],
    ['multiple', multiple, ['o1', 'o1', 'o2'], '同一个选项不能选两次'],
    ['approval', approval(), ['abstain'], null],
    ['approval', approval(), ['yes', 'no'], '请选择一项'],
    ['approval', approval(), ['constructor'], '选项不存在'],
  ] as const)('%s %j → %s', (_kind, rules, choices, problem) => {
    expect(checkChoices(rules, [...choices])).toBe(problem);
  });
});

describe('pollOptions', () => {
  test('赞成/反对/弃权 are fixed, and copies', () => {
    const options = pollOptions('approval', ['会被忽略']);
    expect(options).toEqual([
      { id: 'yes', label: '赞成' },
      { id: 'no', label: '反对' },
      { id: 'abstain', label: '弃权' },
    ]);
    options[0]!.label = '改了';
    expect(APPROVAL_OPTIONS[0].label).toBe('赞成');
  });

  test('choice polls number their options o1, o2, …', () => {
    expect(pollOptions('single', ['东头', '西头'])).toEqual([
      { id: 'o1', label: '东头' },
      { id: 'o2', label: '西头' },
    ]);
  });
});

describe('receipts', () => {
  test('10 random bytes make 16 characters of the alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = Array.from({ length: 10 }, () => Math.floor(Math.random() * 256));
      const receipt = receiptFromBytes(bytes);
      expect(receipt).toHaveLength(16);
      expect(receipt).toMatch(RECEIPT_PATTERN);
      expect([...receipt].every((c) => RECEIPT_ALPHABET.includes(c))).toBe(true);
    }
  });

  test('the bytes are read five bits at a time, most significant first', () => {
    expect(receiptFromBytes(new Uint8Array(10))).toBe('0000000000000000');
    expect(receiptFromBytes(new Uint8Array(10).fill(0xff))).toBe('ZZZZZZZZZZZZZZZZ');
    // 00001 00010 00011 00100 00101 00110 00111 01000, then zeros.
    expect(receiptFromBytes([0x08, 0x86, 0x42, 0x98, 0xe8, 0, 0, 0, 0, 0])).toBe('1234567800000000');
    // 31 is Z, 16 is G: 11111 10000 …
    expect(receiptFromBytes([0b11111100, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe('ZG00000000000000');
    // Extra bytes are not used.
    expect(receiptFromBytes(new Uint8Array(12).fill(0xff))).toBe('ZZZZZZZZZZZZZZZZ');
  });

  test('the alphabet is Crockford base32: no I, L, O or U', () => {
    expect(RECEIPT_ALPHABET).toHaveLength(32);
    expect(new Set(RECEIPT_ALPHABET).size).toBe(32);
    expect(RECEIPT_ALPHABET).not.toMatch(/[ILOU]/);
  });

  test('shown in groups of four', () => {
    expect(formatReceipt('0123456789ABCDEF')).toBe('0123-4567-89AB-CDEF');
  });

  test.each([
    ['0123-4567-89ab-cdef', '0123456789ABCDEF'],
    [' 0123 4567 89AB CDEF ', '0123456789ABCDEF'],
    ['o123456789abcdef', '0123456789ABCDEF'],
    ['OI23456789ABCDEF', '0123456789ABCDEF'],
    ['0L23456789ABCDEF', '0123456789ABCDEF'],
    ['0i23-4567-89ab-cdef', '0123456789ABCDEF'],
  ])('%j is read as %s', (typed, receipt) => {
    expect(normalizeReceipt(typed)).toBe(receipt);
  });

  test.each([
    ['15 characters', '0123456789ABCDE'],
    ['17 characters', '0123456789ABCDEF0'],
    ['a U', 'U123456789ABCDEF'],
    ['punctuation', '0123.4567.89AB.CDEF'],
    ['nothing', ''],
  ])('%s is not a receipt', (_what, typed) => {
    expect(normalizeReceipt(typed)).toBeNull();
  });

  test('a receipt survives being shown and typed back in lower case', () => {
    const receipt = receiptFromBytes([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
    expect(normalizeReceipt(formatReceipt(receipt).toLowerCase())).toBe(receipt);
  });
});

describe('tallyDigestText', () => {
  const ballots = [
    { receiptHash: 'c3', choices: ['o2', 'o1'] },
    { receiptHash: 'a1', choices: ['yes'] },
    { receiptHash: 'b2', choices: ['o3'] },
  ];

  test('one line per ballot, sorted, with the choices sorted', () => {
    expect(tallyDigestText(ballots)).toBe('a1 yes\nb2 o3\nc3 o1,o2');
  });

  test('the order of ballots and of choices does not matter', () => {
    const shuffled = [
      { receiptHash: 'b2', choices: ['o3'] },
      { receiptHash: 'c3', choices: ['o1', 'o2'] },
      { receiptHash: 'a1', choices: ['yes'] },
    ];
    expect(tallyDigestText(shuffled)).toBe(tallyDigestText(ballots));
  });

  test('a different choice changes the text', () => {
    expect(tallyDigestText([{ receiptHash: 'a1', choices: ['no'] }])).not.toBe(
      tallyDigestText([{ receiptHash: 'a1', choices: ['yes'] }]),
    );
  });

  test('it does not reorder the caller’s arrays', () => {
    const input = [
      { receiptHash: 'z', choices: ['o2', 'o1'] },
      { receiptHash: 'a', choices: ['o1'] },
    ];
    tallyDigestText(input);
    expect(input).toEqual([
      { receiptHash: 'z', choices: ['o2', 'o1'] },
      { receiptHash: 'a', choices: ['o1'] },
    ]);
  });

  test('no ballots: the empty text', () => expect(tallyDigestText([])).toBe(''));
});

describe('outcomeSummary', () => {
  test('the options in order with their counts, then the turnout', () => {
    const rules = approval();
    expect(outcomeSummary(rules, computeOutcome(rules, 20, 16, { yes: 12, no: 3, abstain: 1 }))).toBe(
      '赞成 12 · 反对 3 · 弃权 1，投票 16/20 人',
    );
  });

  test('options nobody chose show 0', () => {
    const rules = choice('single', ['东头', '西头']);
    expect(outcomeSummary(rules, computeOutcome(rules, 5, 1, { o2: 1 }))).toBe(
      '东头 0 · 西头 1，投票 1/5 人',
    );
  });
});
