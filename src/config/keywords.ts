// Does a text name the school? Whole words and phrases from the school's `keywords`, without
// regard to case or diacritics ("De Linge" matches "de linge" and "DE LINGE", not "lingerie").
// Used to keep only the posts of a general feed (local news) that concern the school. The
// matching itself is the one every stream source uses (src/match/schools.ts).

import { buildSchoolMatcher } from '../match/schools.ts';
import type { Keyword } from '../match/schools.ts';

export function keywordMatcher(keywords: readonly Keyword[]): (text: string) => boolean {
  const matcher = buildSchoolMatcher([{ id: 'school', keywords }]);
  return (text) => matcher.size > 0 && matcher.match(text).length > 0;
}
