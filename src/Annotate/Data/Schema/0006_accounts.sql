-- Accounts, project membership with roles, and personal API tokens.
-- Users without a UserName are display-name people (a localhost session, or a student who joined a class by code).
ALTER TABLE Users ADD COLUMN UserName TEXT NULL;
ALTER TABLE Users ADD COLUMN PasswordHash TEXT NULL;
ALTER TABLE Users ADD COLUMN IsServerOwner INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX IX_Users_UserName ON Users (UserName COLLATE NOCASE) WHERE UserName IS NOT NULL;

-- Who may do what in a project: owner (settings, people, export), curator (sees all, adjudicates), annotator, viewer.
CREATE TABLE ProjectMembers (
    ProjectId TEXT NOT NULL REFERENCES Projects (Id),
    UserId    TEXT NOT NULL REFERENCES Users (Id),
    Role      TEXT NOT NULL,
    AddedAt   TEXT NOT NULL,
    PRIMARY KEY (ProjectId, UserId)
);
CREATE INDEX IX_ProjectMembers_User ON ProjectMembers (UserId);

-- Everyone who signed in before roles existed keeps annotating the served corpus.
INSERT INTO ProjectMembers (ProjectId, UserId, Role, AddedAt) SELECT 'default', Id, 'annotator', CreatedAt FROM Users;

-- Personal API tokens: only a SHA-256 hash is kept (the token is shown once); revoked tokens stay for the record.
CREATE TABLE ApiTokens (
    Id         TEXT NOT NULL PRIMARY KEY,
    UserId     TEXT NOT NULL REFERENCES Users (Id),
    Name       TEXT NOT NULL,
    Hash       TEXT NOT NULL UNIQUE,
    CreatedAt  TEXT NOT NULL,
    LastUsedAt TEXT NULL,
    RevokedAt  TEXT NULL
);
CREATE INDEX IX_ApiTokens_User ON ApiTokens (UserId);
