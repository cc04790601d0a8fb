-- Classroom exercises against a key (issue 16, point 8): per project, what a student sees of their work measured
-- against the key once they mark a document Done. ExerciseMode is 'off', 'score', 'differ' or 'guided';
-- ExerciseKey is 'gold' (the gold layer) or the user id of the member whose work is the key.
ALTER TABLE Projects ADD COLUMN ExerciseMode TEXT NOT NULL DEFAULT 'off';
ALTER TABLE Projects ADD COLUMN ExerciseKey TEXT NOT NULL DEFAULT 'gold';
