CREATE TABLE `figure_place_keys` (
	`annotation_id` integer PRIMARY KEY NOT NULL,
	`place` text,
	`place_key` text,
	`stale` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `figure_place_keys_key_idx` ON `figure_place_keys` (`place_key`);--> statement-breakpoint
CREATE INDEX `figure_place_keys_stale_idx` ON `figure_place_keys` (`place`) WHERE "figure_place_keys"."stale" = 1;--> statement-breakpoint
-- Hand-written below (drizzle-kit does not model triggers): keep it as it is, never regenerate it.
-- Every figure's place is copied into figure_place_keys, stale (no key yet), whatever path wrote
-- it; db/comparisons.ts computes the key, which only the app's normalisePlace can.
CREATE TRIGGER `figure_place_keys_insert` AFTER INSERT ON `figure_details` BEGIN
  DELETE FROM figure_place_keys WHERE annotation_id = new.annotation_id;
  INSERT INTO figure_place_keys(annotation_id, place, place_key, stale) VALUES (new.annotation_id, new.place, NULL, 1);
END;
--> statement-breakpoint
CREATE TRIGGER `figure_place_keys_update` AFTER UPDATE OF place ON `figure_details` WHEN old.place IS NOT new.place BEGIN
  DELETE FROM figure_place_keys WHERE annotation_id = new.annotation_id;
  INSERT INTO figure_place_keys(annotation_id, place, place_key, stale) VALUES (new.annotation_id, new.place, NULL, 1);
END;
--> statement-breakpoint
CREATE TRIGGER `figure_place_keys_delete` AFTER DELETE ON `figure_details` BEGIN
  DELETE FROM figure_place_keys WHERE annotation_id = old.annotation_id;
END;
--> statement-breakpoint
INSERT INTO figure_place_keys(annotation_id, place, place_key, stale) SELECT annotation_id, place, NULL, 1 FROM figure_details;
