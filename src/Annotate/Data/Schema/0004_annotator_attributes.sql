-- Attributes of annotators within a project (group, background, assigned role) for perspective analysis.
-- Self-declared for now; project owners edit them once roles exist.
CREATE TABLE AnnotatorAttributes (
    ProjectId TEXT NOT NULL REFERENCES Projects (Id),
    UserId    TEXT NOT NULL REFERENCES Users (Id),
    Name      TEXT NOT NULL,
    Value     TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    PRIMARY KEY (ProjectId, UserId, Name)
);
