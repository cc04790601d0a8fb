-- Norming rounds of a project (blind → reveal → discuss → revise), one open at a time (EndedAt NULL). While a
-- discuss round is open, annotators' writes are refused (the gold layer stays writable). When a round ends, the
-- project's agreement report as it stood then is kept in SnapshotJson (as served), and its headline figures in
-- MeasuresJson, so rounds can be compared side by side.
CREATE TABLE Rounds (
    Id           TEXT NOT NULL PRIMARY KEY,
    ProjectId    TEXT NOT NULL REFERENCES Projects (Id),
    Number       INTEGER NOT NULL,
    Name         TEXT NOT NULL,
    Kind         TEXT NOT NULL,
    StartedAt    TEXT NOT NULL,
    StartedBy    TEXT NOT NULL,
    EndedAt      TEXT NULL,
    SnapshotJson TEXT NULL,
    MeasuresJson TEXT NULL
);
CREATE UNIQUE INDEX IX_Rounds_Number ON Rounds (ProjectId, Number);
CREATE UNIQUE INDEX IX_Rounds_Open ON Rounds (ProjectId) WHERE EndedAt IS NULL;
