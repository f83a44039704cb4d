/** Reads one document inside a transaction; null when missing (the SDK itself throws for a missing one). */
export async function txGet(
  t: WxCloud.Transaction,
  collection: string,
  id: string,
): Promise<WxCloud.DocumentData | null> {
  try {
    const { data } = await t.collection(collection).doc(id).get();
    return data ?? null;
  } catch (e) {
    if (/does not exist/.test((e as Error).message ?? '')) return null;
    throw e;
  }
}
