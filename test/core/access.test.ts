import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACCESS } from '../../core/access';
import { accessMarkdown, accessRows, columnAllowed, ROLE_COLUMNS } from '../../scripts/tools/access-matrix';

describe('the authorization matrix', () => {
  test('README shows the matrix as the code has it (npm run access-table prints it)', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.split('## Who may do what')[1]!.split('\n## ')[0]!;
    // Cells compared trimmed: prettier pads README's columns.
    const cells = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.startsWith('|') && !/^\|[\s|-]+\|$/.test(line))
        .map((line) => line.split('|').map((c) => c.trim()));
    expect(cells(section)).toEqual(cells(accessMarkdown()));
  });

  test('a WeChat user not yet bound may call only the actions open to anyone', () => {
    const open = accessRows()
      .filter((r) => r.allowed[0])
      .map((r) => `${r.fn}.${r.action}`);
    const anyone = accessRows()
      .filter((r) =>
        (ACCESS as Record<string, Record<string, { allow: readonly string[] }>>)[r.fn]![
          r.action
        ]!.allow.includes('anyone'),
      )
      .map((r) => `${r.fn}.${r.action}`);
    expect(open).toEqual(anyone);
  });

  test('a town admin passes the role gate of every action', () => {
    for (const row of accessRows())
      expect([row.fn, row.action, row.allowed[6]]).toEqual([row.fn, row.action, true]);
  });

  // Columns: 未绑定 村民 村民代表 小组成员 小组组长 村管理员 镇管理员 (1 passes the gate).
  test.each([
    ['admin-only: moderating a matter', ACCESS.agenda.moderate, '0000011'],
    ['publishing a briefing: group leaders and admins', ACCESS.briefings.publish, '0000111'],
    ['voting: anyone on the roll, the roll decides', ACCESS.agenda.vote, '1111111'],
    ['a category: town admins only', ACCESS.briefings.saveCategory, '0000001'],
  ])('%s', (_name, access, expected) => {
    expect(ROLE_COLUMNS.map((c) => (columnAllowed(access, c.key) ? '1' : '0')).join('')).toBe(expected);
  });
});
