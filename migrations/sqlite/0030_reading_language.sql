-- A reading's language: "en", "ru", "zh", "de" or "fr" (cut and questioned with that
-- language's rules), or the ISO 639-3 code of another language read with the generic
-- rules ("spa"). Readings imported before it was kept were read as English.
ALTER TABLE readings ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
