import Taro from '@tarojs/taro';

/**
 * Ballot receipts kept on the voter's phone (the cloud keeps only their hashes). A receipt is saved before
 * the ballot is sent, with the choices, so that a vote lost to a weak signal can be sent again unchanged;
 * once the cloud has it, the choices are dropped from the phone — a shared phone shows that you voted and
 * your code, not how.
 */
export interface StoredReceipt {
  pollId: string;
  itemId: string;
  question: string;
  receipt: string;
  at: number;
  state: 'sending' | 'cast';
  /** Only while sending. */
  choices?: string[];
}

const KEY = 'tongxin.receipts.v1';
const MAX = 200;

export function loadReceipts(): StoredReceipt[] {
  try {
    const raw: unknown = Taro.getStorageSync(KEY);
    return Array.isArray(raw) ? (raw as StoredReceipt[]) : [];
  } catch {
    return [];
  }
}

function save(list: StoredReceipt[]): void {
  Taro.setStorageSync(KEY, list.slice(0, MAX));
}

export function receiptFor(pollId: string): StoredReceipt | null {
  return loadReceipts().find((r) => r.pollId === pollId) ?? null;
}

/** Newest first; one receipt per poll. */
export function putReceipt(receipt: StoredReceipt): void {
  save([receipt, ...loadReceipts().filter((r) => r.pollId !== receipt.pollId)]);
}

export function markCast(pollId: string): void {
  save(loadReceipts().map((r) => (r.pollId === pollId ? { ...r, state: 'cast', choices: undefined } : r)));
}

export function dropReceipt(pollId: string): void {
  save(loadReceipts().filter((r) => r.pollId !== pollId));
}
