/** How the profile tools name a function of a V8 profile. */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/** The file, shortened to where it sits in the project (`src/…`, `bench/…`). */
export const shortUrl = (f: CallFrame) => f.url.replace(/^.*\/(src|node_modules|bench|test)\//, '$1/');

// tsx compiles a module onto a line or two: the column tells its closures apart.
export const frameLabel = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${shortUrl(f)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
