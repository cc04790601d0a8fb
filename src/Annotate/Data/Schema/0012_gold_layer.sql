-- The gold layer: curators write it as a reserved annotator, 'gold', so it is versioned, sequenced and pushed live
-- like everyone's work, yet kept apart from the annotators (agreement, soft labels and lists leave it out).
INSERT INTO Users (Id, DisplayName, CreatedAt) SELECT 'gold', 'Gold standard', '2026-11-29T00:00:00.0000000+00:00'
WHERE NOT EXISTS (SELECT 1 FROM Users WHERE Id = 'gold');

-- Where a gold annotation came from: the curator, the action (accepted, merged, edited, created) and the source
-- annotations with their annotators, as JSON. NULL for everyone else's annotations.
ALTER TABLE Annotations ADD COLUMN ProvenanceJson TEXT NULL;
