-- Several projects on one server: a project may own a collection (a folder of the corpus, with its sub-folders);
-- documents there belong to it. Everything no project claims stays in 'default'.
ALTER TABLE Projects ADD COLUMN Name TEXT NULL;
ALTER TABLE Projects ADD COLUMN Collection TEXT NULL;
CREATE UNIQUE INDEX IX_Projects_Collection ON Projects (Collection) WHERE Collection IS NOT NULL;
CREATE INDEX IX_Annotations_ProjectId ON Annotations (ProjectId);
