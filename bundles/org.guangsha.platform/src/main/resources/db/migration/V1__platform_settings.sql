-- Settings shared by every node of an installation (installation id, and later city settings).
CREATE TABLE PLT_SETTING (
    SETTING_KEY VARCHAR(100) NOT NULL PRIMARY KEY,
    SETTING_VALUE VARCHAR(2000) NOT NULL,
    UPDATED_AT TIMESTAMP NOT NULL,
    ROW_VERSION BIGINT NOT NULL
);
