-- Who annotates which document. 'all': every annotator gets every document; 'spread': documents are shared out so
-- that each gets AnnotatorsPerDocument annotators, and an annotator sees only the documents assigned to them.
ALTER TABLE Projects ADD COLUMN Assignment TEXT NOT NULL DEFAULT 'all';
ALTER TABLE Projects ADD COLUMN AnnotatorsPerDocument INTEGER NULL;
CREATE TABLE Assignments (
    ProjectId  TEXT NOT NULL REFERENCES Projects (Id),
    DocumentId TEXT NOT NULL REFERENCES Documents (Id),
    UserId     TEXT NOT NULL REFERENCES Users (Id),
    PRIMARY KEY (ProjectId, DocumentId, UserId)
);
CREATE INDEX IX_Assignments_User ON Assignments (ProjectId, UserId);
