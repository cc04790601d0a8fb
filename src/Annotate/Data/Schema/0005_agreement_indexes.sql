-- Agreement reads a project's annotated documents with their last change, and a project's annotators, on every
-- report: covering indexes keep both to the project's rows instead of a scan of every annotation.
CREATE INDEX IX_Annotations_ProjectDocument ON Annotations (ProjectId, DocumentId, Seq, IsDeleted, IsOrphan);
CREATE INDEX IX_Annotations_ProjectAnnotator ON Annotations (ProjectId, AnnotatorId, IsDeleted);
