CREATE UNIQUE INDEX `admins_username_lower_unique` ON `admins` (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX `personas_name_lower_unique` ON `personas` (lower("name"));