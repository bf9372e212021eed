-- Who recorded a verification done by staff (in-person check at the counter); null otherwise.
ALTER TABLE PLT_VERIFICATION ADD COLUMN VERIFIED_BY VARCHAR(36);
