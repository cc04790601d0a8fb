-- Projects and their settings. The served corpus is the project 'default' until accounts bring more.
CREATE TABLE Projects (
    Id         TEXT NOT NULL PRIMARY KEY,
    Visibility TEXT NOT NULL DEFAULT 'blind',
    UpdatedAt  TEXT NOT NULL
);
INSERT INTO Projects (Id, Visibility, UpdatedAt) VALUES ('default', 'blind', '1970-01-01T00:00:00.0000000+00:00');
