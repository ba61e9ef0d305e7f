-- The language the bot speaks in a group (`setup --language`): en, ru, zh, de or fr.
ALTER TABLE groups ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
