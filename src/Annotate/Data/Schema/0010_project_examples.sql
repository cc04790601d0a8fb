-- Whether annotators see the codebook's examples (a teacher may hide them for a first, unguided reading).
ALTER TABLE Projects ADD COLUMN ShowCodebookExamples INTEGER NOT NULL DEFAULT 1;
