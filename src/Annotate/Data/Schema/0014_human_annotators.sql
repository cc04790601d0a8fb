-- Who is a human annotator, said once. The gold layer is written as the reserved annotator 'gold' (0012), so that
-- it is versioned, sequenced and pushed live like anyone's work; everywhere people are listed, counted or compared,
-- queries read these views instead of the tables, and the gold layer cannot slip in as one more person. Anyone
-- querying the database by hand can use them too.
--
-- HumanAnnotations has every column of Annotations (a test holds them equal): a migration that adds a column to
-- Annotations, or rebuilds the table, drops this view first and creates it again after. HumanUsers has only what
-- names a person, never their credentials.
CREATE VIEW HumanUsers AS
SELECT Id, DisplayName FROM Users WHERE Id <> 'gold';

CREATE VIEW HumanAnnotations AS
SELECT Id, ProjectId, DocumentId, DocumentVersion, CodebookCollection, CodebookVersion, AnnotatorId, Kind, Layer, Label,
    StartOffset, EndOffset, Quote, Prefix, Suffix, AttributesJson, AttributionJson, Note, Version, Seq, IsDeleted, IsOrphan,
    CreatedAt, UpdatedAt, ProvenanceJson
FROM Annotations WHERE AnnotatorId <> 'gold';
