CREATE TABLE "figure_place_keys" (
	"annotation_id" integer PRIMARY KEY NOT NULL,
	"place" text,
	"place_key" text,
	"stale" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "figure_place_keys" ADD CONSTRAINT "figure_place_keys_annotation_id_annotations_id_fk" FOREIGN KEY ("annotation_id") REFERENCES "public"."annotations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "figure_place_keys_key_idx" ON "figure_place_keys" USING btree ("place_key");--> statement-breakpoint
CREATE INDEX "figure_place_keys_stale_idx" ON "figure_place_keys" USING btree ("place") WHERE "figure_place_keys"."stale";--> statement-breakpoint
-- Hand-written below (drizzle-kit does not model triggers): keep it as it is, never regenerate it.
-- Every figure's place is copied into figure_place_keys, stale (no key yet), whatever path wrote
-- it; db/comparisons.ts computes the key, which only the app's normalisePlace can.
CREATE FUNCTION figure_place_keys_follow_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM figure_place_keys WHERE annotation_id = OLD.annotation_id;
  ELSE
    INSERT INTO figure_place_keys (annotation_id, place, place_key, stale) VALUES (NEW.annotation_id, NEW.place, NULL, true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER figure_place_keys_insert AFTER INSERT ON figure_details FOR EACH ROW EXECUTE FUNCTION figure_place_keys_follow_figure();
--> statement-breakpoint
CREATE TRIGGER figure_place_keys_update AFTER UPDATE OF place ON figure_details FOR EACH ROW WHEN (OLD.place IS DISTINCT FROM NEW.place) EXECUTE FUNCTION figure_place_keys_follow_figure();
--> statement-breakpoint
CREATE TRIGGER figure_place_keys_delete AFTER DELETE ON figure_details FOR EACH ROW EXECUTE FUNCTION figure_place_keys_follow_figure();
--> statement-breakpoint
-- A row for a figure replaces the one there: the triggers' (a changed place) and the SQLite-to-
-- PostgreSQL copy's (db/copy-to-postgres.ts copies this table after figure_details, whose triggers
-- have already made the rows) alike. The replaced row is deleted, not updated, so a key computed
-- for the old place (db/comparisons.ts, refreshPlaceKeys) can never be stored on the new one.
CREATE FUNCTION figure_place_keys_replace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM figure_place_keys WHERE annotation_id = NEW.annotation_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER figure_place_keys_replace BEFORE INSERT ON figure_place_keys FOR EACH ROW EXECUTE FUNCTION figure_place_keys_replace();
--> statement-breakpoint
INSERT INTO figure_place_keys (annotation_id, place, place_key, stale) SELECT annotation_id, place, NULL, true FROM figure_details;
