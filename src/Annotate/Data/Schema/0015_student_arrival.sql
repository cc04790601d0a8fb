-- When each member first arrived: on joining a class with its code, or on first following their personal link
-- (a name on the teacher's list stays NULL until then, so the class page can say who has not come yet). Members
-- who came before this column existed and have no personal link arrived when they were added; for students added
-- from a list before it, arrival was not recorded and stays unknown (NULL).
ALTER TABLE ProjectMembers ADD COLUMN ArrivedAt TEXT;

UPDATE ProjectMembers SET ArrivedAt = AddedAt
WHERE NOT EXISTS (SELECT 1 FROM StudentTickets s WHERE s.ProjectId = ProjectMembers.ProjectId AND s.UserId = ProjectMembers.UserId);
