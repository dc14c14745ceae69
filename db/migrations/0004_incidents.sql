CREATE TABLE `event_figures` (
	`event_id` integer NOT NULL,
	`annotation_id` integer NOT NULL,
	`added_by` integer NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`event_id`, `annotation_id`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_figures_annotation_idx` ON `event_figures` (`annotation_id`);--> statement-breakpoint
ALTER TABLE `events` ADD `starts_on` text;--> statement-breakpoint
ALTER TABLE `events` ADD `ends_on` text;--> statement-breakpoint
ALTER TABLE `events` ADD `place` text;--> statement-breakpoint
ALTER TABLE `events` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `updated_at` text;