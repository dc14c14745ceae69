-- Full-text search (issue 13, point 5). Hand-written: drizzle-kit does not model FTS5 tables,
-- views or triggers, so this file must be kept as it is (renumber it, never regenerate it).
-- Articles: an external-content index over the articles table (the text is not stored twice).
CREATE VIRTUAL TABLE `article_search` USING fts5(title, source, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `article_search_insert` AFTER INSERT ON `articles` BEGIN
  INSERT INTO article_search(rowid, title, source, text) VALUES (new.id, new.title, new.source, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_delete` AFTER DELETE ON `articles` BEGIN
  INSERT INTO article_search(article_search, rowid, title, source, text) VALUES ('delete', old.id, old.title, old.source, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_update` AFTER UPDATE OF title, source, text ON `articles` BEGIN
  INSERT INTO article_search(article_search, rowid, title, source, text) VALUES ('delete', old.id, old.title, old.source, old.text);
  INSERT INTO article_search(rowid, title, source, text) VALUES (new.id, new.title, new.source, new.text);
END;
--> statement-breakpoint
INSERT INTO article_search(article_search) VALUES ('rebuild');
--> statement-breakpoint
-- Annotations: one searchable text per annotation (rowid = annotation id) from its quote, note,
-- the actor it mentions and its figure's fields, kept current by triggers on every table it reads.
CREATE VIEW `annotation_search_text` AS
SELECT a.id AS id,
  a.quote || ' ' || a.note || ' ' || coalesce(mentioned.canonical_name, '') || ' ' ||
  coalesce(printf('%g', f.value_min), '') || ' ' || coalesce(printf('%g', f.value_max), '') || ' ' ||
  coalesce(f.category, '') || ' ' || coalesce(f.counted, '') || ' ' || coalesce(f.place, '') || ' ' ||
  coalesce(f.time, '') || ' ' || coalesce(f.source_text, '') || ' ' || coalesce(source.canonical_name, '') AS body
FROM annotations a
LEFT JOIN actors mentioned ON mentioned.id = a.actor_id
LEFT JOIN figure_details f ON f.annotation_id = a.id
LEFT JOIN actors source ON source.id = f.source_actor_id;
--> statement-breakpoint
CREATE VIRTUAL TABLE `annotation_search` USING fts5(body, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `annotation_search_insert` AFTER INSERT ON `annotations` BEGIN
  INSERT INTO annotation_search(rowid, body) SELECT id, body FROM annotation_search_text WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `annotation_search_update` AFTER UPDATE OF quote, note, actor_id, label ON `annotations` BEGIN
  DELETE FROM annotation_search WHERE rowid = new.id;
  INSERT INTO annotation_search(rowid, body) SELECT id, body FROM annotation_search_text WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `annotation_search_figure_insert` AFTER INSERT ON `figure_details` BEGIN
  DELETE FROM annotation_search WHERE rowid = new.annotation_id;
  INSERT INTO annotation_search(rowid, body) SELECT id, body FROM annotation_search_text WHERE id = new.annotation_id;
END;
--> statement-breakpoint
CREATE TRIGGER `annotation_search_figure_update` AFTER UPDATE ON `figure_details` BEGIN
  DELETE FROM annotation_search WHERE rowid = new.annotation_id;
  INSERT INTO annotation_search(rowid, body) SELECT id, body FROM annotation_search_text WHERE id = new.annotation_id;
END;
--> statement-breakpoint
CREATE TRIGGER `annotation_search_actor_update` AFTER UPDATE OF canonical_name ON `actors` BEGIN
  DELETE FROM annotation_search WHERE rowid IN (
    SELECT id FROM annotations WHERE actor_id = new.id UNION SELECT annotation_id FROM figure_details WHERE source_actor_id = new.id
  );
  INSERT INTO annotation_search(rowid, body) SELECT id, body FROM annotation_search_text WHERE id IN (
    SELECT id FROM annotations WHERE actor_id = new.id UNION SELECT annotation_id FROM figure_details WHERE source_actor_id = new.id
  );
END;
--> statement-breakpoint
INSERT INTO annotation_search(rowid, body) SELECT id, body FROM annotation_search_text;
