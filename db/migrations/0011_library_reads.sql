ALTER TABLE `articles` ADD `last_activity_at` text;--> statement-breakpoint
CREATE INDEX `articles_listed_created_idx` ON `articles` (`created_at`,`id`,`deleted_at`,`next_version_id`) WHERE "articles"."deleted_at" is null and "articles"."next_version_id" is null;--> statement-breakpoint
CREATE INDEX `articles_listed_published_idx` ON `articles` (`published_on`,`id`,`deleted_at`,`next_version_id`) WHERE "articles"."deleted_at" is null and "articles"."next_version_id" is null;--> statement-breakpoint
CREATE INDEX `articles_listed_published_dated_first_idx` ON `articles` (("published_on" is null),`published_on`,`id`,`deleted_at`,`next_version_id`) WHERE "articles"."deleted_at" is null and "articles"."next_version_id" is null;--> statement-breakpoint
CREATE INDEX `articles_listed_activity_idx` ON `articles` (`last_activity_at`,`id`,`deleted_at`,`next_version_id`) WHERE "articles"."deleted_at" is null and "articles"."next_version_id" is null;--> statement-breakpoint
CREATE INDEX `articles_listed_title_idx` ON `articles` ("title" collate nocase,`id`,`deleted_at`,`next_version_id`) WHERE "articles"."deleted_at" is null and "articles"."next_version_id" is null;--> statement-breakpoint
CREATE INDEX `articles_listed_source_idx` ON `articles` (`source`,`created_at`,`id`,`deleted_at`,`next_version_id`) WHERE "articles"."deleted_at" is null and "articles"."next_version_id" is null;--> statement-breakpoint
CREATE INDEX `annotations_layer_article_idx` ON `annotations` (`reviewer_id`,`article_id`,`label`);--> statement-breakpoint
CREATE INDEX `figure_details_source_actor_idx` ON `figure_details` (`source_actor_id`);--> statement-breakpoint
-- Existing articles: their last activity is their latest history row (what the library computed
-- on every load before this column), or their last edit when history holds none.
UPDATE `articles` SET `last_activity_at` = coalesce((SELECT max(`at`) FROM `history` WHERE `history`.`article_id` = `articles`.`id`), `updated_at`);
