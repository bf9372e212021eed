-- When an operator disabled the account (staff leaving or on leave); null while it may log in. A
-- disabled account cannot log in and its tokens are refused; enabling it clears the column.
ALTER TABLE PLT_ACCOUNT ADD COLUMN DISABLED_AT TIMESTAMP;
