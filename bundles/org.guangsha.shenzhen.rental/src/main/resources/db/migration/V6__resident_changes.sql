-- Post-rental changes (个人租后信息变更, SZ-3) and employer housing changes (单位住房承租信息变更, SZ-5):
-- the lessee proposes who lives in a leased home (and, for a citizen, their mobile and marital
-- status), a core case reviewed by the home's district decides, SZR_RESIDENT and SZR_LEASE change
-- only on approval, once (the REVIEW -> APPROVED change of the row, by its version, decides).

-- The lessee's mobile as the lease knows it (SZ-3 basics), the marital status is MARITAL_STATUS.
ALTER TABLE SZR_LEASE ADD COLUMN LESSEE_MOBILE VARCHAR(11);

-- One change of a lease. KIND PERSONAL (SZ-3) or EMPLOYER (SZ-5). STATUS REVIEW, APPROVED, REJECTED,
-- WITHDRAWN. OPEN_KEY is the lease id while under review, null after: one open change per lease.
-- MOBILE / MARITAL_STATUS: the lessee's proposed basics (null: unchanged). NOTICE_DOCUMENT_ID: the
-- latest 入住通知书 printed after approval (SZ-5).
CREATE TABLE SZR_CHANGE (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    LEASE_ID VARCHAR(36) NOT NULL,
    KIND VARCHAR(10) NOT NULL,
    ACCOUNT_ID VARCHAR(36) NOT NULL,
    CASE_ID VARCHAR(36),
    DISTRICT_CODE VARCHAR(6) NOT NULL,
    STATUS VARCHAR(10) NOT NULL,
    OPEN_KEY VARCHAR(36),
    MOBILE VARCHAR(11),
    MARITAL_STATUS VARCHAR(10),
    REASON VARCHAR(200),
    NOTICE_DOCUMENT_ID VARCHAR(36),
    CREATED_AT TIMESTAMP NOT NULL,
    UPDATED_AT TIMESTAMP NOT NULL,
    ROW_VERSION BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT SZR_CHANGE_OPEN UNIQUE (OPEN_KEY),
    CONSTRAINT SZR_CHANGE_CASE UNIQUE (CASE_ID)
);
CREATE INDEX SZR_CHANGE_LEASE ON SZR_CHANGE (LEASE_ID);

-- The residents as the change proposes them: the whole list after the change, one row each.
-- RESIDENT_ID names the SZR_RESIDENT row it keeps or edits (null: added), a resident of the lease
-- not named here is deleted on approval. REF is the row's name inside the change, OCCUPANT_REF the
-- REF of the occupant (入住人) a co-resident of an organization's lease lives with.
CREATE TABLE SZR_CHANGE_RESIDENT (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    CHANGE_ID VARCHAR(36) NOT NULL,
    RESIDENT_ID VARCHAR(36),
    REF VARCHAR(36) NOT NULL,
    ROLE VARCHAR(12) NOT NULL,
    OCCUPANT_REF VARCHAR(36),
    NAME VARCHAR(50),
    ID_NUMBER VARCHAR(18),
    RELATION VARCHAR(10),
    MOBILE VARCHAR(11),
    POSITION INTEGER NOT NULL,
    CONSTRAINT SZR_CHANGE_RESIDENT_CHANGE FOREIGN KEY (CHANGE_ID) REFERENCES SZR_CHANGE (ID)
);
CREATE INDEX SZR_CHANGE_RESIDENT_OF ON SZR_CHANGE_RESIDENT (CHANGE_ID);
