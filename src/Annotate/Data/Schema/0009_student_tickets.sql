-- Personal join links for students a teacher added from a list: the link signs the student in as their own
-- pre-created person (no name to type, no impersonation by name). Only a hash of the ticket is kept.
CREATE TABLE StudentTickets (
    Hash      TEXT NOT NULL PRIMARY KEY,
    ProjectId TEXT NOT NULL REFERENCES Projects (Id),
    UserId    TEXT NOT NULL REFERENCES Users (Id),
    CreatedAt TEXT NOT NULL
);
CREATE INDEX IX_StudentTickets_User ON StudentTickets (ProjectId, UserId);
