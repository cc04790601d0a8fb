-- Classroom: a project's join code. Students join with the code and a display name only (no password, no e-mail)
-- and become annotators of that project. Closing the class keeps the code but refuses new joins.
ALTER TABLE Projects ADD COLUMN JoinCode TEXT NULL;
ALTER TABLE Projects ADD COLUMN JoinOpen INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX IX_Projects_JoinCode ON Projects (JoinCode) WHERE JoinCode IS NOT NULL;
