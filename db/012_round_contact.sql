-- Who owners send their update workbooks back to: the coordinator's name and email, printed on each
-- owner workbook's instructions sheet. '' means not set (the name then falls back to "Who am I").
ALTER TABLE register_info ADD COLUMN coordinator TEXT NOT NULL DEFAULT '';
ALTER TABLE register_info ADD COLUMN coordinator_email TEXT NOT NULL DEFAULT '';
