-- A comparison belongs to the layer whose figures it compares. SQLite cannot add a NOT NULL
-- column with a REFERENCES clause, so the column is nullable here and every write sets it.
ALTER TABLE `comparisons` ADD `layer_id` integer REFERENCES reviewers(id);--> statement-breakpoint
ALTER TABLE `comparisons` ADD `curated_at` text;--> statement-breakpoint
ALTER TABLE `comparisons` ADD `gold_copy_id` integer;--> statement-breakpoint
-- Existing comparisons: the one layer all their figures are in, else their creator's layer.
UPDATE `comparisons` SET `layer_id` = coalesce(
	(SELECT min(a.`reviewer_id`) FROM `comparison_members` m JOIN `annotations` a ON a.`id` = m.`annotation_id`
	 WHERE m.`comparison_id` = `comparisons`.`id` HAVING count(DISTINCT a.`reviewer_id`) = 1),
	`created_by`
);--> statement-breakpoint
CREATE INDEX `comparisons_layer_idx` ON `comparisons` (`layer_id`);
