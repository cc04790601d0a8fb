-- Annotate schema, version 1. Plain SQL that PostgreSQL can also accept with type renames.

CREATE TABLE Users (
    Id          TEXT NOT NULL PRIMARY KEY,
    DisplayName TEXT NOT NULL,
    CreatedAt   TEXT NOT NULL
);

-- One row per article file; the current metadata lives here, the text in DocumentVersions.
CREATE TABLE Documents (
    Id                TEXT    NOT NULL PRIMARY KEY,
    ProjectId         TEXT    NOT NULL DEFAULT 'default',
    Collection        TEXT    NOT NULL,
    Path              TEXT    NOT NULL,
    CurrentVersion    INTEGER NOT NULL,
    Title             TEXT    NOT NULL,
    Outlet            TEXT    NULL,
    Author            TEXT    NULL,
    Date              TEXT    NULL,
    Language          TEXT    NULL,
    Url               TEXT    NULL,
    TagsJson          TEXT    NOT NULL,
    MetadataJson      TEXT    NOT NULL,
    WordCount         INTEGER NOT NULL,
    SourceHash        TEXT    NOT NULL,
    FileSize          INTEGER NOT NULL,
    FileModifiedTicks INTEGER NOT NULL,
    IsMissing         INTEGER NOT NULL DEFAULT 0,
    UpdatedAt         TEXT    NOT NULL
);
CREATE UNIQUE INDEX IX_Documents_Path ON Documents (ProjectId, Path);
CREATE INDEX IX_Documents_Collection ON Documents (ProjectId, Collection);

-- Versions are immutable: annotations point into (DocumentId, Version), so an old text never disappears.
CREATE TABLE DocumentVersions (
    DocumentId  TEXT    NOT NULL REFERENCES Documents (Id),
    Version     INTEGER NOT NULL,
    ContentHash TEXT    NOT NULL,
    Format      TEXT    NOT NULL,
    Source      TEXT    NOT NULL,
    Text        TEXT    NOT NULL,
    BlocksJson  TEXT    NOT NULL,
    CreatedAt   TEXT    NOT NULL,
    PRIMARY KEY (DocumentId, Version)
);

-- Codebooks are versioned by content: a new row whenever codebook.yaml changes.
CREATE TABLE CodebookVersions (
    Collection  TEXT    NOT NULL,
    Version     INTEGER NOT NULL,
    ContentHash TEXT    NOT NULL,
    Yaml        TEXT    NOT NULL,
    Json        TEXT    NOT NULL,
    CreatedAt   TEXT    NOT NULL,
    PRIMARY KEY (Collection, Version)
);
