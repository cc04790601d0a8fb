-- Relations between spans (issue 17). A relation is an annotation row of Kind 'relation' (so it has the same ids,
-- versions, tombstones, sequence numbers and live stream as spans), with Layer '' and the relation type as its
-- Label; its two ends are here, one row per relation. DeletedWith is the span whose deletion tombstoned the
-- relation, so that bringing that span back brings the relation back too; null otherwise.
-- A table of its own rather than columns of Annotations: the table, and the HumanAnnotations view that mirrors it,
-- stay as they are. (0019 and 0020 belong to other work; the migrator applies whatever is above the stored
-- version, in order, and this script touches nothing they touch.)
CREATE TABLE RelationEnds (
    Id          TEXT NOT NULL PRIMARY KEY REFERENCES Annotations (Id),
    SourceId    TEXT NOT NULL,
    TargetId    TEXT NOT NULL,
    DeletedWith TEXT NULL
);
-- A span's relations, found when the span is deleted or brought back.
CREATE INDEX IX_RelationEnds_Source ON RelationEnds (SourceId);
CREATE INDEX IX_RelationEnds_Target ON RelationEnds (TargetId);
