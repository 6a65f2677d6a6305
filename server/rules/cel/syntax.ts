// Syntax errors of a policy expression, where a caseworker can act on them. The parser of
// @bufbuild/cel 0.6.1 stops at the first alternative it cannot extend, so its position is often the
// start of a well-formed prefix ("found . but expecting end of input"); a small token check finds the
// usual mistakes (a full-width bracket, `=` for `==`, an operator without an operand, an unclosed
// bracket or string) at their own position first, and the parser's message is the fallback.

export type RawIssue = { offset: number; zh: string; en: string };

const FULL_WIDTH: Record<string, string> = {
  '（': '(',
  '）': ')',
  '，': ',',
  '＝': '=',
  '！': '!',
  '＞': '>',
  '＜': '<',
  '＆': '&',
  '｜': '|',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '：': ':',
  '？': '?',
  '［': '[',
  '］': ']',
  '．': '.',
  '。': '.',
  '　': ' ',
  '＋': '+',
  '－': '-',
};

type Tok = {
  kind: 'operand' | 'op' | 'not' | 'open' | 'close' | 'comma' | 'dot';
  text: string;
  offset: number;
};

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '?', ':'];
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

function lex(src: string): { toks: Tok[]; issue?: RawIssue } {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c) && c !== '　') {
      i++;
      continue;
    }
    if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const start = i;
    const half = FULL_WIDTH[c];
    if (half !== undefined)
      return {
        toks,
        issue: {
          offset: i,
          zh: `不能使用全角字符“${c}”，请改为半角“${half}”`,
          en: `full-width character "${c}" is not allowed; type the half-width "${half}"`,
        },
      };
    const quoted = /^[rRbB]{0,2}(['"])/.exec(src.slice(i, i + 3));
    if (quoted && (quoted[0].length === 1 || /[A-Za-z]/.test(c))) {
      const q = quoted[1] as string;
      const raw = /[rR]/.test(quoted[0].slice(0, -1));
      let j = i + quoted[0].length;
      const triple = src.startsWith(q.repeat(3), j - 1);
      const close = triple ? q.repeat(3) : q;
      if (triple) j += 2;
      let closed = false;
      while (j < src.length) {
        if (!raw && src[j] === '\\') {
          j += 2;
          continue;
        }
        if (src.startsWith(close, j)) {
          j += close.length;
          closed = true;
          break;
        }
        if (!triple && src[j] === '\n') break;
        j++;
      }
      if (!closed)
        return {
          toks,
          issue: {
            offset: start,
            zh: `字符串没有结束，缺少配对的引号 ${close}`,
            en: `the string is not closed: add the matching quote ${close}`,
          },
        };
      toks.push({ kind: 'operand', text: src.slice(start, j), offset: start });
      i = j;
      continue;
    }
    const word =
      /^(?:0[xX][0-9a-fA-F]+[uU]?|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[uU]?|[A-Za-z_][A-Za-z0-9_]*)/.exec(
        src.slice(i),
      );
    if (word) {
      const kind = word[0] === 'in' ? 'op' : 'operand';
      toks.push({ kind, text: word[0], offset: start });
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      toks.push({ kind: 'op', text: op, offset: start });
      i += op.length;
      continue;
    }
    if (c === '=' || c === '&' || c === '|') {
      const want = c === '=' ? '==' : c + c;
      return {
        toks,
        issue: {
          offset: i,
          zh: `“${c}”不是运算符，应为“${want}”`,
          en: `"${c}" is not an operator; write "${want}"`,
        },
      };
    }
    if (c === '!') toks.push({ kind: 'not', text: c, offset: start });
    else if (c in PAIRS) toks.push({ kind: 'open', text: c, offset: start });
    else if (c === ')' || c === ']' || c === '}') toks.push({ kind: 'close', text: c, offset: start });
    else if (c === ',') toks.push({ kind: 'comma', text: c, offset: start });
    else if (c === '.') toks.push({ kind: 'dot', text: c, offset: start });
    else
      return {
        toks,
        issue: { offset: i, zh: `无法识别的字符“${c}”`, en: `unexpected character "${c}"` },
      };
    i++;
  }
  return { toks };
}

const noOperand = (t: Tok): RawIssue => ({
  offset: t.offset,
  zh: `运算符 ${t.text} 后面缺少操作数`,
  en: `operator ${t.text} has no right-hand operand`,
});

/** The first usual mistake in the token stream, or undefined. */
export function lintSyntax(src: string): RawIssue | undefined {
  const { toks, issue } = lex(src);
  const found: RawIssue[] = issue ? [issue] : [];
  const stack: Tok[] = [];
  let expectOperand = true;
  let prev: Tok | undefined;
  const report = (x: RawIssue) => found.push(x);
  for (const t of toks) {
    if (prev?.kind === 'dot' && !(t.kind === 'operand' && /^[A-Za-z_]/.test(t.text))) {
      report({ offset: t.offset, zh: '点号“.”后面应为字段名', en: 'a field name must follow "."' });
    }
    switch (t.kind) {
      case 'operand':
        if (!expectOperand && prev?.kind !== 'dot')
          report({
            offset: t.offset,
            zh: `${t.text} 之前缺少运算符（如 &&、==、<）`,
            en: `an operator (such as &&, ==, <) is missing before ${t.text}`,
          });
        expectOperand = false;
        break;
      case 'op':
        if (expectOperand && t.text !== '-')
          report({
            offset: t.offset,
            zh: `运算符 ${t.text} 前面缺少操作数`,
            en: `operator ${t.text} has no left-hand operand`,
          });
        expectOperand = true;
        break;
      case 'not':
        if (!expectOperand)
          report({ offset: t.offset, zh: '“!”只能放在值的前面', en: '"!" may only precede a value' });
        break;
      case 'open':
        stack.push(t);
        expectOperand = true;
        break;
      case 'close': {
        const open = stack.pop();
        if (!open || PAIRS[open.text] !== t.text) {
          report({
            offset: t.offset,
            zh: open ? `${t.text} 与前面的 ${open.text} 不配对` : `多余的 ${t.text}`,
            en: open ? `${t.text} does not match the earlier ${open.text}` : `unmatched ${t.text}`,
          });
          if (open) stack.push(open);
        } else if (expectOperand && prev && prev.kind === 'op') report(noOperand(prev));
        expectOperand = false;
        break;
      }
      case 'comma':
        if (expectOperand && prev?.kind === 'op') report(noOperand(prev));
        expectOperand = true;
        break;
      case 'dot':
        if (expectOperand && prev !== undefined)
          report({ offset: t.offset, zh: '点号“.”前面缺少值', en: 'a value is missing before "."' });
        break;
    }
    prev = t;
  }
  // When lexing stopped early, the end of the token stream is not the end of the expression.
  if (issue) return found.sort((a, b) => a.offset - b.offset)[0];
  if (prev?.kind === 'op' || prev?.kind === 'not') report(noOperand(prev));
  if (prev?.kind === 'dot')
    report({ offset: prev.offset, zh: '点号“.”后面应为字段名', en: 'a field name must follow "."' });
  for (const open of stack)
    report({
      offset: open.offset,
      zh: `${open.text} 没有闭合，缺少 ${PAIRS[open.text]}`,
      en: `${open.text} is not closed: add ${PAIRS[open.text]}`,
    });
  if (toks.length === 0) report({ offset: 0, zh: '表达式为空', en: 'the expression is empty' });
  return found.sort((a, b) => a.offset - b.offset)[0];
}

/**
 * The expression with its `//` comments blanked out (same length, so offsets stay): the parser of
 * @bufbuild/cel 0.6.1 rejects a comment at the end of the expression.
 */
export function blankComments(src: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (quote) {
      out += c;
      if (c === '\\' && i + 1 < src.length) out += src[++i];
      else if (c === quote || c === '\n') quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') {
        out += ' ';
        i++;
      }
      if (i < src.length) out += '\n';
      continue;
    }
    out += c;
  }
  return out;
}

/** Offset of a 1-based line and column. */
export function offsetOf(src: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = src.indexOf('\n', offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  return Math.min(src.length, offset + column - 1);
}

/** 1-based line and column of an offset. */
export function lineColumn(src: string, offset: number): { line: number; column: number } {
  const before = src.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

const translate = (s: string) => s.replace(/end of input/g, '表达式结尾');

/** The parser's own error ("<input>:LINE:COL: found X but expecting Y"), bilingual. */
export function parserIssue(src: string, error: unknown): RawIssue {
  const message = error instanceof Error ? error.message : String(error);
  const m = /^<input>:(\d+):(\d+): (.*)$/s.exec(message);
  if (!m) return { offset: 0, zh: `语法错误：${message}`, en: `syntax error: ${message}` };
  const detail = m[3] as string;
  const fe = /^found (.*) but expecting (.*)$/s.exec(detail);
  return {
    offset: offsetOf(src, Number(m[1]), Number(m[2])),
    zh: fe
      ? `语法错误：此处是 ${translate(fe[1] as string)}，应为 ${translate(fe[2] as string)}`
      : `语法错误：${detail}`,
    en: `syntax error: ${detail}`,
  };
}
