-- Agencies credited only for a picture, kept apart from story credits (see Article.photo_credits).
ALTER TABLE articles ADD COLUMN photo_credits TEXT NOT NULL DEFAULT '[]';
