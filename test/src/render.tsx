import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { resetSession } from '../../src/store/session';
import { callFunction } from '../../src/services/transport';
import { fakeAgenda, type AgendaAnswers } from '../support/fake-agenda';
import { fakeBriefings, type BriefingsAnswers } from '../support/fake-briefings';
import { fakeDividends, type DividendsAnswers } from '../support/fake-dividends';
import { fakeHonor, type HonorAnswers } from '../support/fake-honor';
import { fakeMembers, type MembersAnswers } from '../support/fake-members';
import { fakeNotices, type NoticesAnswers } from '../support/fake-notices';

/**
 * Renders a page with the `members`, `agenda`, `briefings`, `honor`, `notices` and `dividends` functions answering
 * from `answers`, `agendaAnswers`, `briefingsAnswers`, `honorAnswers`, `noticesAnswers` and `dividendsAnswers`
 * (see test/support/fake-*.ts).
 * Every call is recorded on the returned mock. Tests must `jest.mock('<src>/services/transport')` first.
 */
export function renderWithCloud(
  ui: ReactElement,
  answers: MembersAnswers = {},
  agendaAnswers: AgendaAnswers = {},
  briefingsAnswers: BriefingsAnswers = {},
  honorAnswers: HonorAnswers = {},
  noticesAnswers: NoticesAnswers = {},
  dividendsAnswers: DividendsAnswers = {},
) {
  resetSession();
  const functions: Record<string, (event: Record<string, unknown>) => unknown> = {
    members: fakeMembers(answers),
    agenda: fakeAgenda(agendaAnswers),
    briefings: fakeBriefings(briefingsAnswers),
    honor: fakeHonor(honorAnswers),
    notices: fakeNotices(noticesAnswers),
    dividends: fakeDividends(dividendsAnswers),
  };
  const transport = jest.mocked(callFunction);
  transport.mockReset();
  transport.mockImplementation(async (name, data) => {
    const fn = functions[name];
    if (!fn) throw new Error(`no function ${name}`);
    return fn(data);
  });
  return { ...render(ui), transport };
}

/** The actions the page called (of any function), in order. */
export function actions(transport: jest.MockedFunction<typeof callFunction>): string[] {
  return transport.mock.calls.map(([, data]) => String(data.action));
}
