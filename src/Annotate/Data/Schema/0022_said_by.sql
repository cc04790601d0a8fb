-- One mechanism for linking a claim to its source (issue 17): every span's attribution.span becomes a 'said-by'
-- relation, and attribution keeps only the actor. The data part is C# (Relations/SpanAttributionMigration.cs, run
-- in this step's transaction), because reading the stored JSON and deriving name-based ids is not the same SQL in
-- SQLite and PostgreSQL. (0023 and 0024 belong to other work.)
-- Misfit = 1 marks a relation whose ends break the rules a live write enforces (the type's allowed layers and
-- labels, both ends spans of its author in its document): only relations converted here can be so, since a stored
-- attribution is never dropped. Such a relation shows status "misfit" until its author fixes or deletes it.
ALTER TABLE RelationEnds ADD COLUMN Misfit INTEGER NOT NULL DEFAULT 0;
