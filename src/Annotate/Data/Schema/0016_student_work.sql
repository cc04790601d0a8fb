-- A student's own "Done" on a document (issue 16): set when they consider it finished, removed again by "Reopen".
-- Only the student and the project's teachers (owners, curators) ever see it.
CREATE TABLE DocumentsDone (
    ProjectId  TEXT NOT NULL REFERENCES Projects (Id),
    DocumentId TEXT NOT NULL REFERENCES Documents (Id),
    UserId     TEXT NOT NULL REFERENCES Users (Id),
    DoneAt     TEXT NOT NULL,
    PRIMARY KEY (ProjectId, DocumentId, UserId)
);
CREATE INDEX IX_DocumentsDone_User ON DocumentsDone (ProjectId, UserId);

-- The teacher's short instruction to the class (plain text), shown at the top of the students' "Your documents".
ALTER TABLE Projects ADD COLUMN Instruction TEXT NULL;
