-- The project whose class created a password-less student (added from a list or joined by code). A personal link
-- may only ever be issued for, and sign in as, such a student of that same project: never an account.
ALTER TABLE Users ADD COLUMN ClassProjectId TEXT NULL;

-- Students already added from a list: password-less people with a ticket whose only project is the ticket's.
UPDATE Users SET ClassProjectId = (SELECT min(s.ProjectId) FROM StudentTickets s WHERE s.UserId = Users.Id)
WHERE PasswordHash IS NULL
  AND EXISTS (SELECT 1 FROM StudentTickets s WHERE s.UserId = Users.Id)
  AND NOT EXISTS (SELECT 1 FROM ProjectMembers m JOIN StudentTickets s ON s.UserId = m.UserId
                  WHERE m.UserId = Users.Id AND m.ProjectId <> s.ProjectId);

-- Tickets that do not meet that rule (e.g. issued for an account) stop working now.
DELETE FROM StudentTickets WHERE NOT EXISTS (
    SELECT 1 FROM Users u WHERE u.Id = StudentTickets.UserId AND u.ClassProjectId = StudentTickets.ProjectId);

-- Changes whenever a person's sessions must end (sign-out, password change, an owner's revoke); each session cookie
-- carries the value it was issued with and is refused once they differ.
ALTER TABLE Users ADD COLUMN SecurityStamp TEXT NOT NULL DEFAULT '';
