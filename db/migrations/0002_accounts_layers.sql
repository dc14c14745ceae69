CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reviewer_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`hint` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`reviewer_id`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_reviewer_idx` ON `api_tokens` (`reviewer_id`);--> statement-breakpoint
CREATE TABLE `app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `assignments` (
	`article_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`assigned_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`article_id`, `reviewer_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assignments_status_known" CHECK("assignments"."status" in ('not_started', 'in_progress', 'done'))
);
--> statement-breakpoint
CREATE INDEX `assignments_reviewer_idx` ON `assignments` (`reviewer_id`);--> statement-breakpoint
CREATE TABLE `auth_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` integer,
	`refresh_token_expires_at` integer,
	`scope` text,
	`password` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `auth_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `auth_accounts_user_idx` ON `auth_accounts` (`user_id`);--> statement-breakpoint
CREATE TABLE `auth_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `auth_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `auth_sessions_token_unique` ON `auth_sessions` (`token`);--> statement-breakpoint
CREATE INDEX `auth_sessions_user_idx` ON `auth_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `auth_users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`username` text,
	`display_username` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `auth_users_email_unique` ON `auth_users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `auth_users_username_unique` ON `auth_users` (`username`);--> statement-breakpoint
CREATE TABLE `auth_verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `curation_rejections` (
	`article_id` integer NOT NULL,
	`start_offset` integer NOT NULL,
	`end_offset` integer NOT NULL,
	`rejected_by` integer NOT NULL,
	`rejected_at` text NOT NULL,
	PRIMARY KEY(`article_id`, `start_offset`, `end_offset`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rejected_by`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`username` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failed_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `articles` ADD `sharing` text DEFAULT 'blind' NOT NULL;--> statement-breakpoint
-- Hand-edited: drizzle-kit rebuilds the table for the CHECKs, which would drop a table other
-- tables reference; adding the columns keeps every row and reference in place.
ALTER TABLE `reviewers` ADD `kind` text DEFAULT 'person' NOT NULL CHECK(`kind` in ('person', 'gold'));--> statement-breakpoint
ALTER TABLE `reviewers` ADD `role` text DEFAULT 'reviewer' NOT NULL CHECK(`role` in ('admin', 'reviewer'));--> statement-breakpoint
ALTER TABLE `reviewers` ADD `auth_user_id` text REFERENCES `auth_users`(`id`);--> statement-breakpoint
ALTER TABLE `reviewers` ADD `disabled_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `reviewers_auth_user_id_unique` ON `reviewers` (`auth_user_id`);--> statement-breakpoint
-- A library from before accounts was worked on by one local reviewer: that work becomes the admin's layer.
UPDATE `reviewers` SET `username` = 'admin', `display_name` = 'Administrator', `role` = 'admin' WHERE `username` = 'local';
