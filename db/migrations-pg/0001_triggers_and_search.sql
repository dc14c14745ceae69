-- Hand-written (drizzle-kit does not model triggers or full-text indexes): keep it as it is, never
-- regenerate it. PostgreSQL's twin of SQLite's migrations 0006 (search) and 0010 (figure timeline).

-- The conflict finder's timeline: every figure annotation has one row with its layer and its
-- article's date, whatever path wrote it, and the row follows a changed date.
CREATE FUNCTION figure_timeline_follow_annotation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM figure_timeline WHERE annotation_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.label = 'figure' THEN
    INSERT INTO figure_timeline (annotation_id, layer_id, article_id, published_on)
      SELECT NEW.id, NEW.reviewer_id, NEW.article_id, published_on FROM articles WHERE id = NEW.article_id
      ON CONFLICT (annotation_id) DO UPDATE
        SET layer_id = excluded.layer_id, article_id = excluded.article_id, published_on = excluded.published_on;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER figure_timeline_insert AFTER INSERT ON annotations FOR EACH ROW EXECUTE FUNCTION figure_timeline_follow_annotation();
--> statement-breakpoint
CREATE TRIGGER figure_timeline_update AFTER UPDATE OF label, reviewer_id, article_id ON annotations FOR EACH ROW EXECUTE FUNCTION figure_timeline_follow_annotation();
--> statement-breakpoint
CREATE TRIGGER figure_timeline_delete AFTER DELETE ON annotations FOR EACH ROW EXECUTE FUNCTION figure_timeline_follow_annotation();
--> statement-breakpoint
CREATE FUNCTION figure_timeline_follow_article_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE figure_timeline SET published_on = NEW.published_on WHERE article_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER figure_timeline_article_date AFTER UPDATE OF published_on ON articles FOR EACH ROW EXECUTE FUNCTION figure_timeline_follow_article_date();
--> statement-breakpoint

-- Search over articles: an expression index on the words of title, source and text ('simple':
-- no stemming, like SQLite's unicode61 tokenizer). db/search.ts queries this same expression.
CREATE INDEX article_search_idx ON articles USING gin (to_tsvector('simple', title || ' ' || source || ' ' || text));
--> statement-breakpoint

-- Search over annotations: one searchable text per annotation from its quote, note, the actor it
-- mentions and its figure's fields, kept current by triggers on every table it reads.
CREATE VIEW annotation_search_text AS
SELECT a.id AS id,
  a.quote || ' ' || a.note || ' ' || coalesce(mentioned.canonical_name, '') || ' ' ||
  coalesce(f.value_min::text, '') || ' ' || coalesce(f.value_max::text, '') || ' ' ||
  coalesce(f.category, '') || ' ' || coalesce(f.counted, '') || ' ' || coalesce(f.place, '') || ' ' ||
  coalesce(f.time, '') || ' ' || coalesce(f.source_text, '') || ' ' || coalesce(source.canonical_name, '') AS body
FROM annotations a
LEFT JOIN actors mentioned ON mentioned.id = a.actor_id
LEFT JOIN figure_details f ON f.annotation_id = a.id
LEFT JOIN actors source ON source.id = f.source_actor_id;
--> statement-breakpoint
CREATE TABLE annotation_search (
  annotation_id integer PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
  body tsvector NOT NULL
);
--> statement-breakpoint
CREATE INDEX annotation_search_body_idx ON annotation_search USING gin (body);
--> statement-breakpoint
CREATE FUNCTION annotation_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO annotation_search (annotation_id, body)
    SELECT id, to_tsvector('simple', body) FROM annotation_search_text WHERE id = ANY(ids)
  ON CONFLICT (annotation_id) DO UPDATE SET body = excluded.body;
$$;
--> statement-breakpoint
CREATE FUNCTION annotation_search_follow_annotation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM annotation_search_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER annotation_search_insert AFTER INSERT ON annotations FOR EACH ROW EXECUTE FUNCTION annotation_search_follow_annotation();
--> statement-breakpoint
CREATE TRIGGER annotation_search_update AFTER UPDATE OF quote, note, actor_id, label ON annotations FOR EACH ROW EXECUTE FUNCTION annotation_search_follow_annotation();
--> statement-breakpoint
CREATE FUNCTION annotation_search_follow_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM annotation_search_refresh(ARRAY[NEW.annotation_id]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER annotation_search_figure AFTER INSERT OR UPDATE ON figure_details FOR EACH ROW EXECUTE FUNCTION annotation_search_follow_figure();
--> statement-breakpoint
CREATE FUNCTION annotation_search_follow_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM annotation_search_refresh(ARRAY(
    SELECT id FROM annotations WHERE actor_id = NEW.id
    UNION SELECT annotation_id FROM figure_details WHERE source_actor_id = NEW.id
  ));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER annotation_search_actor AFTER UPDATE OF canonical_name ON actors FOR EACH ROW EXECUTE FUNCTION annotation_search_follow_actor();
--> statement-breakpoint

-- The starting list of what figures count (lib/figures/types.ts DEFAULT_CATEGORIES); reviewers edit it from here.
INSERT INTO figure_categories (name, position, created_at) VALUES
	('killed', 1, to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
	('wounded', 2, to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
	('injured', 3, to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
	('missing', 4, to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
	('detained', 5, to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
	('displaced', 6, to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
	('strikes', 7, to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
	('other', 8, to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
