-- The audit trail of security-relevant actions: append-only, rows are never updated or deleted.
-- SEQ is assigned by the service (the last SEQ plus one, no gaps); the primary key makes two nodes
-- that try to append the same SEQ collide, and the loser retries. HASH is SHA-256 over the row's
-- fields and PREV_HASH (the HASH of row SEQ - 1), so an edited or deleted row breaks the chain.
-- AT keeps its time zone: the hash covers the instant, which must read back the same on every
-- node whatever the JVM's zone is.
CREATE TABLE PLT_AUDIT (
    SEQ BIGINT NOT NULL PRIMARY KEY,
    AT TIMESTAMP WITH TIME ZONE NOT NULL,
    ACTION VARCHAR(64) NOT NULL,
    ACTOR_ID VARCHAR(64),
    TARGET VARCHAR(200),
    SOURCE_ADDRESS VARCHAR(64),
    DETAIL VARCHAR(1000),
    PREV_HASH VARCHAR(64) NOT NULL,
    HASH VARCHAR(64) NOT NULL
);
CREATE INDEX IX_PLT_AUDIT_AT ON PLT_AUDIT (AT);
CREATE INDEX IX_PLT_AUDIT_ACTOR ON PLT_AUDIT (ACTOR_ID);
CREATE INDEX IX_PLT_AUDIT_ACTION ON PLT_AUDIT (ACTION);

-- The in-app inbox: one row per message to one account; READ_AT is set when the account reads it.
CREATE TABLE PLT_NOTIFICATION (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    ACCOUNT_ID VARCHAR(36) NOT NULL,
    CATEGORY VARCHAR(60) NOT NULL,
    TITLE_ZH VARCHAR(200) NOT NULL,
    TITLE_EN VARCHAR(400) NOT NULL,
    BODY_ZH VARCHAR(2000) NOT NULL,
    BODY_EN VARCHAR(4000) NOT NULL,
    LINK VARCHAR(500),
    CREATED_AT TIMESTAMP NOT NULL,
    READ_AT TIMESTAMP,
    ROW_VERSION BIGINT NOT NULL,
    CONSTRAINT FK_PLT_NOTIFICATION_ACCOUNT FOREIGN KEY (ACCOUNT_ID) REFERENCES PLT_ACCOUNT (ID)
);
CREATE INDEX IX_PLT_NOTIFICATION_ACCOUNT ON PLT_NOTIFICATION (ACCOUNT_ID, CREATED_AT);
