/** Error texts for the officer. */

/**
 * Adapter messages carry both languages, "Tiếng Việt (English)": show the pane's language only.
 * A message without that shape is shown whole.
 */
export function inLanguage(message: string, lang: 'vi' | 'en'): string {
  if (!message.endsWith(')')) return message;
  // The "(" that closes at the very end, parentheses inside counted.
  let depth = 0;
  let open = -1;
  for (let i = message.length - 1; i >= 0; i--) {
    if (message[i] === ')') depth++;
    else if (message[i] === '(' && --depth === 0) {
      open = i;
      break;
    }
  }
  if (open <= 0 || message[open - 1] !== ' ' || !/[A-Z]/.test(message[open + 1] ?? '')) return message;
  return lang === 'vi' ? message.slice(0, open - 1) : message.slice(open + 1, -1);
}
