CREATE TABLE `figure_timeline` (
	`annotation_id` integer PRIMARY KEY NOT NULL,
	`layer_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`published_on` text,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `figure_timeline_layer_date_idx` ON `figure_timeline` (`layer_id`,`published_on`,`annotation_id`);--> statement-breakpoint
CREATE INDEX `figure_timeline_article_idx` ON `figure_timeline` (`article_id`);