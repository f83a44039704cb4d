import { Engine, type IndexSpec, type WalOp } from '../../local-cloud/src/store/engine';

/**
 * Index-served reads (store/planner.ts) must answer exactly what a scan answers — same documents, same order,
 * same skip and limit — while the documents keep changing under a built index. Checked by running the same
 * random queries on an engine with the manifest-style indexes and on one without any.
 */
const INDEXES: IndexSpec[] = [
  { name: 'status_1_scope_1_at_-1__id_-1', keys: { status: 1, scope: 1, at: -1, _id: -1 } },
  { name: 'pollId_1__id_1', keys: { pollId: 1, _id: 1 } },
  { name: 'status_1_closesAt_1', keys: { status: 1, closesAt: 1 } },
];

type Sort = Record<string, 1 | -1>;

let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;

function randomDoc(i: number): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    _id: `d${Math.floor(random() * 1e6)
      .toString(36)
      .padStart(4, '0')}_${i}`,
    scope: pick([1, 2, 3]),
    at: new Date(Date.UTC(2026, 0, 1 + Math.floor(random() * 30))),
    pollId: pick(['p1', 'p2', 'p3']),
    closesAt: new Date(Date.UTC(2026, 5, Math.floor(random() * 10))),
    n: Math.floor(random() * 5),
  };
  if (random() < 0.9) doc.status = pick(['published', 'draft', 'open']);
  return doc;
}

function engines(): { indexed: Engine; plain: Engine; apply: (ops: (e: Engine) => WalOp[]) => void } {
  const indexed = new Engine('env');
  const plain = new Engine('env');
  let lsn = 0;
  const apply = (ops: (e: Engine) => WalOp[]) => {
    lsn++;
    const planned = ops(plain);
    indexed.apply(planned, lsn);
    plain.apply(planned, lsn);
  };
  indexed.apply(indexed.planDefineCollection('docs', INDEXES), ++lsn);
  plain.apply(plain.planDefineCollection('docs', []), lsn);
  return { indexed, plain, apply };
}

function randomQuery(ids: string[]): {
  query: Record<string, unknown>;
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
} {
  const shape = pick(['briefings', 'ballots', 'sweep', 'other']);
  const limit = pick([undefined, 1, 5, 20, 1000]);
  const skip = pick([undefined, 0, 3]);
  if (shape === 'briefings') {
    const query: Record<string, unknown> = {
      status: pick(['published', 'draft']),
      scope: pick([1, 2, { $in: [1, 3] }, { $in: [3, 2, 2] }]),
    };
    if (random() < 0.3) query.n = pick([0, 1]);
    if (random() < 0.3) query.at = { $lt: new Date(Date.UTC(2026, 0, 15)) };
    const sort = pick<Sort | undefined>([{ at: -1, _id: -1 }, { at: -1 }, { at: 1 }, undefined]);
    if (random() < 0.4) {
      // The briefings list's shape: conjuncts, and a keyset cursor as an $or.
      const at = new Date(Date.UTC(2026, 0, 1 + Math.floor(random() * 30)));
      const cursor = { $or: [{ at: { $lt: at } }, { at, _id: { $lt: pick(ids) } }] };
      return { query: { $and: [query, cursor] }, sort, skip, limit };
    }
    return { query, sort, skip, limit };
  }
  if (shape === 'ballots') {
    const query: Record<string, unknown> = { pollId: pick(['p1', 'p2']) };
    if (random() < 0.7) query._id = { $gt: pick(['', ...ids]) };
    return { query, sort: pick<Sort | undefined>([{ _id: 1 }, { _id: -1 }, undefined]), skip, limit };
  }
  if (shape === 'sweep') {
    return {
      query: {
        status: 'open',
        closesAt: { $lt: new Date(Date.UTC(2026, 5, 1 + Math.floor(random() * 10))) },
      },
      limit,
    };
  }
  return {
    query: { n: pick([0, 1, 2]), _id: { $gte: pick(ids) } },
    sort: pick<Sort | undefined>([{ _id: 1 }, undefined]),
    limit,
  };
}

test('index-served reads answer exactly what scans answer, while documents are added, changed and removed', () => {
  const { indexed, plain, apply } = engines();
  apply(
    (e) =>
      e.planInsert(
        'docs',
        Array.from({ length: 400 }, (_v, i) => randomDoc(i)),
      ).ops,
  );
  let served = 0;
  for (let round = 0; round < 30; round++) {
    const ids = plain.find('docs').map((d) => String(d._id));
    for (let q = 0; q < 20; q++) {
      const options = randomQuery(ids);
      if (indexed.explain('docs', options).served) served++;
      expect(indexed.find('docs', options)).toEqual(plain.find('docs', options));
      expect(indexed.count('docs', options.query)).toBe(plain.count('docs', options.query));
    }
    // Change the data under the built indexes: new documents, updates that move keys, removals.
    apply(
      (e) =>
        e.planInsert(
          'docs',
          Array.from({ length: 10 }, (_v, i) => randomDoc(1000 + round * 10 + i)),
        ).ops,
    );
    const victims = ids.filter(() => random() < 0.03);
    apply(() =>
      victims.flatMap((id): WalOp[] =>
        random() < 0.5
          ? [{ op: 'del', c: 'docs', id }]
          : [
              {
                op: 'put',
                c: 'docs',
                doc: { ...plain.getById('docs', id)!, status: 'open', at: new Date(0) },
              },
            ],
      ),
    );
  }
  expect(served).toBeGreaterThan(100);
});

test('the shapes the functions use are served by their manifest index', () => {
  const { indexed, apply } = engines();
  apply(
    (e) =>
      e.planInsert(
        'docs',
        Array.from({ length: 50 }, (_v, i) => randomDoc(i)),
      ).ops,
  );
  const briefings = {
    query: { $and: [{ status: 'published', scope: { $in: [1, 2] } }, { $or: [{ n: 1 }, { n: 2 }] }] },
    sort: { at: -1, _id: -1 } as const,
    limit: 20,
  };
  expect(indexed.explain('docs', briefings)).toEqual({
    index: 'status_1_scope_1_at_-1__id_-1',
    served: true,
  });
  const ballots = { query: { pollId: 'p1', _id: { $gt: 'd' } }, sort: { _id: 1 } as const, limit: 1000 };
  expect(indexed.explain('docs', ballots)).toEqual({ index: 'pollId_1__id_1', served: true });
  expect(indexed.explain('docs', { query: { status: 'open', closesAt: { $lt: new Date() } } })).toEqual({
    index: 'status_1_closesAt_1',
    served: false,
  });
  // A sort the index cannot give in a scan's order (ties would differ) is sorted after narrowing.
  expect(indexed.explain('docs', { query: { status: 'draft', scope: 1 }, sort: { at: 1 } })).toEqual({
    index: 'status_1_scope_1_at_-1__id_-1',
    served: false,
  });
  expect(indexed.explain('docs', { query: { n: 1 } })).toEqual({ index: null, served: false });
});

test('an array on an index path makes the index multikey: the engine scans, and answers stay right', () => {
  const { indexed, plain, apply } = engines();
  apply((e) => e.planInsert('docs', [...Array.from({ length: 20 }, (_v, i) => randomDoc(i))]).ops);
  const query = { query: { pollId: 'p1' }, sort: { _id: 1 } as const };
  expect(indexed.explain('docs', query).index).toBe('pollId_1__id_1');
  apply((e) => e.planInsert('docs', [{ _id: 'arr', pollId: ['p1', 'p2'] }]).ops);
  expect(indexed.find('docs', query)).toEqual(plain.find('docs', query));
  expect(indexed.find('docs', query).map((d) => d._id)).toContain('arr');
  expect(indexed.explain('docs', query).index).not.toBe('pollId_1__id_1');
});
