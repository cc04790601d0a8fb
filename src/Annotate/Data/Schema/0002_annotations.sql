-- Annotations: spans (Kind 'span', with offsets) and document labels (Kind 'document'), one row per client id.
-- Deletes are tombstones (IsDeleted = 1) so a retried or replayed change can never resurrect or duplicate one.
CREATE TABLE Annotations (
    Id                 TEXT    NOT NULL PRIMARY KEY,
    ProjectId          TEXT    NOT NULL DEFAULT 'default',
    DocumentId         TEXT    NOT NULL REFERENCES Documents (Id),
    DocumentVersion    INTEGER NOT NULL,
    CodebookCollection TEXT    NOT NULL,
    CodebookVersion    INTEGER NOT NULL,
    AnnotatorId        TEXT    NOT NULL REFERENCES Users (Id),
    Kind               TEXT    NOT NULL,
    Layer              TEXT    NOT NULL,
    Label              TEXT    NOT NULL,
    StartOffset        INTEGER NULL,
    EndOffset          INTEGER NULL,
    Quote              TEXT    NULL,
    Prefix             TEXT    NULL,
    Suffix             TEXT    NULL,
    AttributesJson     TEXT    NOT NULL,
    AttributionJson    TEXT    NULL,
    Note               TEXT    NULL,
    Version            INTEGER NOT NULL,
    Seq                INTEGER NOT NULL,
    IsDeleted          INTEGER NOT NULL DEFAULT 0,
    IsOrphan           INTEGER NOT NULL DEFAULT 0,
    CreatedAt          TEXT    NOT NULL,
    UpdatedAt          TEXT    NOT NULL
);
CREATE INDEX IX_Annotations_Document ON Annotations (DocumentId, Kind, IsDeleted);
-- Seq numbers each change within a document, for catching up after a reconnect.
CREATE UNIQUE INDEX IX_Annotations_DocumentSeq ON Annotations (DocumentId, Seq);
