// GitHub workflow-command escaping (as @actions/core does it) and the check annotations.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../language/diagnostic.js';
import { githubDiagnostics } from './check-github.js';
import { annotation, escapeData, escapeProperty } from './github-annotations.js';
import { junitReport } from './test-report/junit.js';

const at = (line: number, column: number, offset = 0) => ({ line, column, offset });

describe('GitHub annotations', () => {
  it('escapes % CR LF in the message, and also : , in properties', () => {
    expect(escapeData('50% off\r\nnext: a, b')).toBe('50%25 off%0D%0Anext: a, b');
    expect(escapeProperty('C:\\dir,x%\n')).toBe('C%3A\\dir%2Cx%25%0A');
    expect(annotation({ level: 'warning', file: 'a,b:c.icx', line: 3, title: 'icx test', message: 'x\ny' }))
      .toBe('::warning file=a%2Cb%3Ac.icx,line=3,title=icx test::x%0Ay');
    expect(annotation({ level: 'notice', message: 'plain' })).toBe('::notice::plain');
  });

  it('icx check: errors, warnings and infos at their ranges; a diagnostic without a file has no position', () => {
    const ds: Diagnostic[] = [
      { code: 'ICX2002', severity: 'error', message: 'Unknown zone X', uri: 'a.icx', range: { start: at(4, 10), end: at(4, 17) } },
      { code: 'ICX3001', severity: 'warning', message: 'spans\nlines, 100%', uri: 'dir/b.icx', range: { start: at(2, 1), end: at(5, 3) } },
      { code: 'ICX4001', severity: 'info', message: 'fyi', uri: '', range: { start: at(1, 1), end: at(1, 1) } },
    ];
    const out = githubDiagnostics(ds, { display: (uri) => `agreements/${uri}`, text: () => undefined });
    expect(out.split('\n')).toEqual([
      '::error file=agreements/a.icx,line=4,col=10,endLine=4,endColumn=17,title=ICX2002::Unknown zone X',
      '::warning file=agreements/dir/b.icx,line=2,col=1,endLine=5,endColumn=3,title=ICX3001::spans%0Alines, 100%25',
      '::notice title=ICX4001::fyi',
      '',
    ]);
  });
});

describe('JUnit XML escaping', () => {
  it('escapes markup in attributes and text and drops characters XML 1.0 cannot carry', () => {
    const xml = junitReport([{
      agreementId: 'A&B', title: 'a "q" <t>\u0001', file: 'x.icx', line: 2, passed: false,
      expected: '1 EUR', actual: '2 EUR', failures: ['amount: <1> & 2'], trace: ['line\u0007'],
    }]);
    expect(xml).toContain('<testsuite name="A&amp;B" tests="1" failures="1" errors="0" skipped="0" file="x.icx">');
    expect(xml).toContain('<testcase name="a &quot;q&quot; &lt;t&gt;" classname="A&amp;B" file="x.icx" line="2">');
    expect(xml).toContain('amount: &lt;1&gt; &amp; 2\ntrace:\n  line</failure>');
  });
});
