-- The name the account gives a device, kept apart from the one the extension registered with: whatever the
-- extension says about itself never overwrites what the person chose.

ALTER TABLE devices ADD COLUMN custom_name text;
