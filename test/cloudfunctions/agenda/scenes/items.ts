import { data, useAppCloud } from '../../../support/app-cloud';
import { agendaAs, ITEM, startAgendaCloud } from '../../../support/agenda';
import { authors, makeWuxingAdmin } from '../fixtures';

/** The cloud and helpers of the item suites (raise, moderate, merge, advance, listItems, getItem, who may call what). */
export function useItemsScene() {
  const cloud = useAppCloud(startAgendaCloud);
  beforeAll(async () => {
    await makeWuxingAdmin(cloud);
  });

  const nextAuthor = authors();
  const as = (openid: string | null) => agendaAs(cloud, openid);
  const items = () => cloud.dump('agendaItems');
  const itemDoc = (itemId: string) => items().find((i) => i._id === itemId)!;
  /** Raises a matter as a fresh author; returns its summary. */
  const raised = async (input: { title: string; body: string } = ITEM, author = nextAuthor()) =>
    data(await as(author)('raise', input)).item;
  const HELD_BODY = '村口老水井的事情比较复杂，有意见的可以加微信详细说。';
  return { cloud, nextAuthor, as, items, itemDoc, raised, HELD_BODY };
}
