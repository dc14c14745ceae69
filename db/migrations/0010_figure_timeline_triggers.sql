-- The conflict finder's timeline (issue 13, point 3). Hand-written: drizzle-kit does not model
-- triggers, so this file must be kept as it is (renumber it, never regenerate it). Every figure
-- annotation has one row with its layer and its article's date, whatever path wrote it (the
-- reader, the API, imports, versions, adjudication), and the row follows a changed date.
CREATE TRIGGER `figure_timeline_insert` AFTER INSERT ON `annotations` WHEN new.label = 'figure' BEGIN
  INSERT OR REPLACE INTO figure_timeline(annotation_id, layer_id, article_id, published_on)
    SELECT new.id, new.reviewer_id, new.article_id, published_on FROM articles WHERE id = new.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_timeline_update` AFTER UPDATE OF label, reviewer_id, article_id ON `annotations` BEGIN
  DELETE FROM figure_timeline WHERE annotation_id = old.id;
  INSERT INTO figure_timeline(annotation_id, layer_id, article_id, published_on)
    SELECT new.id, new.reviewer_id, new.article_id, published_on FROM articles WHERE id = new.article_id AND new.label = 'figure';
END;
--> statement-breakpoint
CREATE TRIGGER `figure_timeline_delete` AFTER DELETE ON `annotations` BEGIN
  DELETE FROM figure_timeline WHERE annotation_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_timeline_article_date` AFTER UPDATE OF published_on ON `articles` BEGIN
  UPDATE figure_timeline SET published_on = new.published_on WHERE article_id = new.id;
END;
--> statement-breakpoint
INSERT INTO figure_timeline(annotation_id, layer_id, article_id, published_on)
  SELECT annotations.id, annotations.reviewer_id, annotations.article_id, articles.published_on
  FROM annotations JOIN articles ON articles.id = annotations.article_id
  WHERE annotations.label = 'figure';
