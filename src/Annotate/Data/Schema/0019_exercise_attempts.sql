-- Exercise attempts (issue 16, point 8): each time a student marks a document Done while the project's exercise is
-- on, their score against the key at that moment (ScoreJson, as the score endpoint serves it), numbered per student
-- and document from 1, so that "before and after" a guided fix can be shown. DoneAt is the Done mark the attempt
-- belongs to: marking Done again without reopening keeps the mark, and so records no second attempt.
CREATE TABLE ExerciseAttempts (
    ProjectId   TEXT    NOT NULL REFERENCES Projects (Id),
    DocumentId  TEXT    NOT NULL REFERENCES Documents (Id),
    UserId      TEXT    NOT NULL REFERENCES Users (Id),
    Number      INTEGER NOT NULL,
    DoneAt      TEXT    NOT NULL,
    ScoreJson   TEXT    NOT NULL,
    PRIMARY KEY (ProjectId, DocumentId, UserId, Number)
);
CREATE UNIQUE INDEX IX_ExerciseAttempts_Done ON ExerciseAttempts (ProjectId, DocumentId, UserId, DoneAt);
