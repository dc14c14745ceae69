ALTER TABLE `figure_details` ADD `source_inferred` integer DEFAULT false NOT NULL;
