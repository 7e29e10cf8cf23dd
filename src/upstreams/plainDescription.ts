/** HTML elements that appear in the vendors' descriptions; anything else in angle brackets (`pull/<number>/head`) is text. */
const htmlTag = /<\/?(?:a|b|br|code|details|em|i|li|ol|p|pre|strong|sub|summary|sup|ul)\b[^>]*>/gi;

/**
 * A vendor's description (OpenAPI, Markdown with some HTML) as the text of a
 * GraphQL description: links reduced to their text, HTML comments and tags
 * removed (`<code>` kept as backticks), bold marks and emoji markers dropped,
 * the lines of a paragraph joined, bullet lists and paragraphs kept, the
 * first letter capitalized and a closing full stop added (after a sentence,
 * not a list item). Null when nothing is left.
 */
export function plainDescription(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const plain = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<code>([\s\S]*?)<\/code>/gi, '`$1`')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(htmlTag, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_]+?)\1/g, '$2')
    .replace(/\p{Extended_Pictographic}\uFE0F?/gu, '')
    .replace(/\r\n?/g, '\n');
  const paragraphs = plain
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        // A list item starts its own line; other lines continue the one before.
        .reduce<string[]>((lines, line) => {
          if (/^([*-]|\d+\.)\s/.test(line) || lines.length === 0) lines.push(line);
          else lines[lines.length - 1] += ` ${line}`;
          return lines;
        }, [])
        .map((line) => line.replace(/[ \t]+/g, ' '))
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '');
  if (paragraphs.length === 0) return null;
  let result = paragraphs.join('\n\n');
  result = result.charAt(0).toUpperCase() + result.slice(1);
  const lastLine = result.slice(result.lastIndexOf('\n') + 1);
  return /[\w`)"']$/.test(result) && !/^([*-]|\d+\.)\s/.test(lastLine) ? `${result}.` : result;
}
