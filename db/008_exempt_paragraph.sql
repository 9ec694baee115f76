-- The Schedule 12A paragraph (England 1-7, Wales 12-18) under which an exempt risk or action is exempt:
-- the Part II pack prints it with its wording, the Part I pack names only the paragraph numbers.
ALTER TABLE risks ADD COLUMN exempt_paragraph INTEGER;
ALTER TABLE actions ADD COLUMN exempt_paragraph INTEGER;
