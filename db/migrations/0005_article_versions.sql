CREATE TABLE `version_orphans` (
	`article_id` integer NOT NULL,
	`annotation_id` integer NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`article_id`, `annotation_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `annotations` ADD `carried_from_id` integer REFERENCES annotations(id);--> statement-breakpoint
ALTER TABLE `articles` ADD `version_number` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `previous_version_id` integer REFERENCES articles(id);--> statement-breakpoint
ALTER TABLE `articles` ADD `next_version_id` integer REFERENCES articles(id);--> statement-breakpoint
CREATE INDEX `articles_previous_version_idx` ON `articles` (`previous_version_id`);