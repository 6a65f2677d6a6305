import { describe, expect, it } from 'vitest';
import {
  caretMarker,
  celIssuesOfError,
  insertSnippet,
  offsetOf,
  positionOf,
  sortIssues,
} from './celModel.ts';

const issue = (line: number, column: number, offset = 0) => ({
  line,
  column,
  offset,
  message: 'm',
  messageEn: 'm',
});

describe('the caret under a CEL issue (line and column 1-based, offset 0-based)', () => {
  it('puts the caret under the column of the issue on its own line', () => {
    const expr = 'household.size >= 2 &&\nperson.age > = 60';
    const m = caretMarker(expr, issue(2, 14, 36));
    expect(m.text).toBe('person.age > = 60');
    expect(m.caret).toBe(`${' '.repeat(13)}^`);
    expect(m.text[m.caret.length - 1]).toBe('=');
  });

  it('points just after the last character when the input ends early', () => {
    const m = caretMarker('person.age >', issue(1, 13, 12));
    expect(m.caret).toBe(`${' '.repeat(12)}^`);
  });

  it('keeps tabs and pads wide (Chinese) characters with an ideographic space so the caret lines up', () => {
    expect(caretMarker('\tx', issue(1, 2)).caret).toBe('\t^');
    // column 6 is the '+' after the quoted 低保
    expect(caretMarker("'低保' + 1", issue(1, 6)).caret).toBe(' \u3000\u3000  ^');
  });

  it('falls back to the offset when the line is outside the text', () => {
    const m = caretMarker('a &&\nb ||', issue(9, 1, 7));
    expect({ line: m.line, column: m.column }).toEqual({ line: 2, column: 3 });
    expect(m.caret).toBe('  ^');
  });
});

describe('offsets and positions of the expression text', () => {
  it('turns a line and column into the offset and back', () => {
    const expr = 'ab\ncde\nf';
    expect(offsetOf(expr, 2, 2)).toBe(4);
    expect(expr[offsetOf(expr, 2, 2)]).toBe('d');
    expect(positionOf(expr, 4)).toEqual({ line: 2, column: 2 });
    expect(positionOf(expr, 7)).toEqual({ line: 3, column: 1 });
  });
  it('clamps a position outside the text into it', () => {
    expect(offsetOf('ab\ncd', 7, 1)).toBe(3);
    expect(offsetOf('ab\ncd', 1, 99)).toBe(2);
    expect(positionOf('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});

describe('inserting a context field at the cursor', () => {
  it('inserts at the cursor and moves the cursor after the field', () => {
    expect(insertSnippet('a >= 1', 0, 0, 'person.age')).toEqual({ text: 'person.agea >= 1', cursor: 10 });
  });
  it('replaces the selected text', () => {
    expect(insertSnippet('x >= 60', 0, 1, 'person.age')).toEqual({ text: 'person.age >= 60', cursor: 10 });
  });
  it('appends when the cursor is unknown or past the end', () => {
    expect(insertSnippet('a', 5, 9, ' b')).toEqual({ text: 'a b', cursor: 3 });
  });
});

describe('the issues of a refused save', () => {
  it('reads the issues of policies.invalid_expression from its details', () => {
    const err = {
      code: 'policies.invalid_expression',
      details: { field: 'eligibility', issues: [issue(2, 3, 9), { line: 'x' }, issue(1, 5, 4)] },
    };
    expect(celIssuesOfError(err)).toEqual([issue(2, 3, 9), issue(1, 5, 4)]);
  });
  it('is null for any other error, so that it goes to the fields or a notification', () => {
    expect(celIssuesOfError({ code: 'validation.failed', details: [] })).toBeNull();
    expect(celIssuesOfError(new Error('x'))).toBeNull();
    expect(celIssuesOfError(null)).toBeNull();
  });
  it('lists issues in reading order', () => {
    expect(sortIssues([issue(2, 1), issue(1, 9), issue(1, 2)]).map((i) => [i.line, i.column])).toEqual([
      [1, 2],
      [1, 9],
      [2, 1],
    ]);
  });
});
