import type { ExportArticle } from '../export/types';
import { isWebAddress, WEB_ADDRESS_RULE } from '../text/web-address';
import { describeFieldPath, findIllFormedText, ILL_FORMED_MESSAGE } from '../text/well-formed';
import type { ImportedArticle, ImportProblem } from './types';

/**
 * The rules the API applies to a field hold for an imported one too: no lone surrogates in
 * any text, and an article's web address is a full http(s) URL (the one rule in
 * lib/text/web-address.ts). One problem per article, at its line, so the file is refused whole.
 */
export function illFormedImportProblems(articles: readonly (ImportedArticle & { exported?: ExportArticle })[], file: string): ImportProblem[] {
  return articles.flatMap((article): ImportProblem[] => {
    const at = { file: article.origin?.file ?? file, line: article.origin?.line ?? null };
    const { origin: _origin, exported, ...fields } = article;
    // An exported article carries its fields twice (parsed and as exported): report them once, by their own names.
    const illFormed = findIllFormedText(fields) ?? findIllFormedText(exported ?? null);
    if (illFormed) return [{ ...at, message: `${describeFieldPath(illFormed)} ${ILL_FORMED_MESSAGE}` }];
    const url = [article.url, exported?.url].find((value) => typeof value === 'string' && value !== '' && !isWebAddress(value));
    if (url !== undefined) return [{ ...at, message: `url: ${WEB_ADDRESS_RULE}` }];
    return [];
  });
}
