// The public face of language/: everything other folders may import.
export { parse, parseDetailed, type ParseResult, type ParseDetail } from './parse.js';
export { reparse, tryReparse, type ParsedText } from './incremental.js';
export { format, type FormatResult } from './format.js';
export { lex, type LexResult } from './lexer.js';
export { KEYWORDS, keywordTokenName, type Keyword } from './tokens.js';
export { LineIndex, lineEnd, lineStart } from './positions.js';
export type * from './ast.js';
export { hasErrors, formatDiagnostic, type Diagnostic, type Severity } from './diagnostic.js';
export { DIAGNOSTIC_CODES, diagnostic, type CodeInfo, type DiagnosticCode } from './diagnostic-codes.js';
