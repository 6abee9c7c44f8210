// Does a text name the school? Whole words and phrases from the school's `keywords`, without
// regard to case or diacritics ("De Linge" matches "de linge" and "DE LINGE", not "lingerie").
// Used to keep only the posts of a general feed (local news) that concern the school.

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function keywordMatcher(keywords: readonly string[]): (text: string) => boolean {
  const phrases = keywords
    .map((k) =>
      fold(k)
        .trim()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    )
    .filter((words) => words.length > 0)
    .map((words) => words.map(escape).join('[^\\p{L}\\p{N}]+'));
  if (phrases.length === 0) return () => false;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, 'u');
  return (text) => pattern.test(fold(text));
}
