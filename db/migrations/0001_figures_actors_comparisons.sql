CREATE TABLE `actor_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer NOT NULL,
	`alias` text NOT NULL,
	`alias_key` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actor_aliases_key_unique` ON `actor_aliases` (`alias_key`);--> statement-breakpoint
CREATE INDEX `actor_aliases_actor_idx` ON `actor_aliases` (`actor_id`);--> statement-breakpoint
CREATE TABLE `actors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`canonical_name` text NOT NULL,
	`name_key` text NOT NULL,
	`kind` text DEFAULT 'other' NOT NULL,
	`created_by` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actors_name_key_unique` ON `actors` (`name_key`);--> statement-breakpoint
CREATE TABLE `claim_details` (
	`annotation_id` integer PRIMARY KEY NOT NULL,
	`claimant_actor_id` integer,
	`status` text DEFAULT 'unverified' NOT NULL,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimant_actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `comparison_members` (
	`comparison_id` integer NOT NULL,
	`annotation_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`comparison_id`, `annotation_id`),
	FOREIGN KEY (`comparison_id`) REFERENCES `comparisons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comparison_members_annotation_idx` ON `comparison_members` (`annotation_id`);--> statement-breakpoint
CREATE TABLE `comparisons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolution_note` text DEFAULT '' NOT NULL,
	`event_id` integer,
	`created_by` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dismissed_suggestions` (
	`key` text PRIMARY KEY NOT NULL,
	`dismissed_by` integer NOT NULL,
	`dismissed_at` text NOT NULL,
	FOREIGN KEY (`dismissed_by`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_name_key_unique` ON `events` (`name_key`);--> statement-breakpoint
CREATE TABLE `figure_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `figure_categories_name_unique` ON `figure_categories` (`name`);--> statement-breakpoint
CREATE TABLE `figure_details` (
	`annotation_id` integer PRIMARY KEY NOT NULL,
	`value_min` real,
	`value_max` real,
	`qualifier` text DEFAULT 'exact' NOT NULL,
	`vague` integer DEFAULT false NOT NULL,
	`category` text DEFAULT 'other' NOT NULL,
	`counted` text,
	`place` text,
	`time` text,
	`source_actor_id` integer,
	`source_text` text,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `annotations` ADD `actor_id` integer REFERENCES actors(id);--> statement-breakpoint
CREATE INDEX `annotations_actor_idx` ON `annotations` (`actor_id`);--> statement-breakpoint
-- The starting list of what figures count (lib/figures/types.ts DEFAULT_CATEGORIES); reviewers edit it from here.
INSERT INTO `figure_categories` (`name`, `position`, `created_at`) VALUES
	('killed', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('wounded', 2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('injured', 3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('missing', 4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('detained', 5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('displaced', 6, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('strikes', 7, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('other', 8, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
