-- The grade sheet (issue 16, point 10).
-- Active time: milliseconds a person actively worked on a document, credited by the reader's activity reports (see
-- Grades/ActiveTime.cs for the idle rule). LastReportAt is when the last report credited this row; a person's
-- latest report in a project (the max over their rows) bounds what the next one may add, so time never grows
-- faster than the clock.
CREATE TABLE ActiveTime (
    ProjectId    TEXT    NOT NULL REFERENCES Projects (Id),
    DocumentId   TEXT    NOT NULL REFERENCES Documents (Id),
    UserId       TEXT    NOT NULL REFERENCES Users (Id),
    Milliseconds INTEGER NOT NULL,
    LastReportAt TEXT    NOT NULL,
    PRIMARY KEY (ProjectId, DocumentId, UserId)
);
CREATE INDEX IX_ActiveTime_User ON ActiveTime (ProjectId, UserId);

-- Each student's score against the exercise key per document, kept when a round ends, so that a past round's
-- figures never move when students (or the key) change their work later. F1 figures are NULL where undefined.
-- A round that ended without a key has a RoundGrades row with a note and no RoundScores.
CREATE TABLE RoundScores (
    RoundId       TEXT    NOT NULL REFERENCES Rounds (Id),
    UserId        TEXT    NOT NULL REFERENCES Users (Id),
    DocumentId    TEXT    NOT NULL REFERENCES Documents (Id),
    KeySpans      INTEGER NOT NULL,
    YourSpans     INTEGER NOT NULL,
    SpanF1Exact   DOUBLE PRECISION NULL,
    SpanF1Overlap DOUBLE PRECISION NULL,
    PRIMARY KEY (RoundId, UserId, DocumentId)
);

-- Whether a round's scores were kept, against which key, and why not when they could not be.
CREATE TABLE RoundGrades (
    RoundId TEXT NOT NULL PRIMARY KEY REFERENCES Rounds (Id),
    KeyId   TEXT NOT NULL,
    KeptAt  TEXT NOT NULL,
    Note    TEXT NULL
);
