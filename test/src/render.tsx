import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { resetSession } from '../../src/store/session';
import { callFunction } from '../../src/services/transport';
import { fakeMembers, type MembersAnswers } from '../support/fake-members';

/**
 * Renders a page with the `members` function answering from `answers` (see test/support/fake-members.ts).
 * Every call is recorded on the returned mock. Tests must `jest.mock('<src>/services/transport')` first.
 */
export function renderWithCloud(ui: ReactElement, answers: MembersAnswers = {}) {
  resetSession();
  const members = fakeMembers(answers);
  const transport = jest.mocked(callFunction);
  transport.mockReset();
  transport.mockImplementation(async (name, data) => {
    if (name !== 'members') throw new Error(`no function ${name}`);
    return members(data);
  });
  return { ...render(ui), transport };
}

/** The `members` actions the page called, in order. */
export function actions(transport: jest.MockedFunction<typeof callFunction>): string[] {
  return transport.mock.calls.map(([, data]) => String(data.action));
}
