import { configuredEngine } from './engine';
import * as pg from './pg-schema';
import * as sqlite from './sqlite-schema';

/*
 * The tables query modules import. Each engine has its own definitions (db/sqlite-schema.ts,
 * db/pg-schema.ts: same names, columns and keys, each in its engine's types, each with its own
 * drizzle-kit migrations); this module hands out the running engine's, typed as the SQLite ones so
 * that query modules are written once. What they may use is the part of drizzle both engines share
 * (see db/database.ts), and the suite runs on both.
 */
const onPostgres = configuredEngine() === 'postgres';

function pick<Table>(sqliteTable: Table, pgTable: unknown): Table {
  return onPostgres ? (pgTable as Table) : sqliteTable;
}

export const reviewers = pick(sqlite.reviewers, pg.reviewers);
export const articles = pick(sqlite.articles, pg.articles);
export const annotations = pick(sqlite.annotations, pg.annotations);
export const history = pick(sqlite.history, pg.history);
export const actors = pick(sqlite.actors, pg.actors);
export const actorAliases = pick(sqlite.actorAliases, pg.actorAliases);
export const figureDetails = pick(sqlite.figureDetails, pg.figureDetails);
export const claimDetails = pick(sqlite.claimDetails, pg.claimDetails);
export const figureTimeline = pick(sqlite.figureTimeline, pg.figureTimeline);
export const figurePlaceKeys = pick(sqlite.figurePlaceKeys, pg.figurePlaceKeys);
export const pendingReadings = pick(sqlite.pendingReadings, pg.pendingReadings);
export const figureCategories = pick(sqlite.figureCategories, pg.figureCategories);
export const events = pick(sqlite.events, pg.events);
export const eventFigures = pick(sqlite.eventFigures, pg.eventFigures);
export const comparisons = pick(sqlite.comparisons, pg.comparisons);
export const comparisonMembers = pick(sqlite.comparisonMembers, pg.comparisonMembers);
export const dismissedSuggestions = pick(sqlite.dismissedSuggestions, pg.dismissedSuggestions);
export const assignments = pick(sqlite.assignments, pg.assignments);
export const curationRejections = pick(sqlite.curationRejections, pg.curationRejections);
export const apiTokens = pick(sqlite.apiTokens, pg.apiTokens);
export const signInFailures = pick(sqlite.signInFailures, pg.signInFailures);
export const appSettings = pick(sqlite.appSettings, pg.appSettings);
export const authUsers = pick(sqlite.authUsers, pg.authUsers);
export const authSessions = pick(sqlite.authSessions, pg.authSessions);
export const authAccounts = pick(sqlite.authAccounts, pg.authAccounts);
export const authVerifications = pick(sqlite.authVerifications, pg.authVerifications);
export const versionOrphans = pick(sqlite.versionOrphans, pg.versionOrphans);

export type {
  Reviewer,
  NewReviewer,
  Article,
  NewArticle,
  Annotation,
  NewAnnotation,
  HistoryEntry,
  NewHistoryEntry,
  Actor,
  ActorAlias,
  FigureDetails,
  ClaimDetails,
  FigureCategory,
  Event,
  EventFigure,
  Comparison,
  ComparisonMember,
  Assignment,
  CurationRejection,
  ApiToken,
  VersionOrphan,
} from './sqlite-schema';
export { ACTOR_KINDS, CLAIM_STATUSES, COMPARISON_STATUSES, FIGURE_QUALIFIERS } from './sqlite-schema';
