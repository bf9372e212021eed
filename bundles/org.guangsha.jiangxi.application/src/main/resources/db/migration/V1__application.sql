-- Jiangxi one-stop public rental application (DOMAIN.md section 4, JX-1 … JX-10). The core keeps the
-- case (status, review levels, timeline, files); these tables keep what only the line knows, keyed
-- by the case id.

-- JX-2: who consented to the service-authorization privacy agreement, to which version, how
-- (MOBILE / PC online, COUNTER on paper, recorded by the caseworker in RECORDED_BY). Revoking the
-- consent deletes the row (and the drafts); the audit trail keeps both events.
CREATE TABLE JX_CONSENT (
    ACCOUNT_ID VARCHAR(36) NOT NULL PRIMARY KEY,
    AGREEMENT_VERSION VARCHAR(20) NOT NULL,
    CHANNEL VARCHAR(10) NOT NULL,
    RECORDED_BY VARCHAR(36),
    GRANTED_AT TIMESTAMP NOT NULL
);

-- One row per application (the core case CASE_ID). OPEN_ACCOUNT_ID is the applicant's account while
-- the application is open (draft, under review, approved) and NULL once it is rejected or
-- withdrawn: its unique index lets a citizen hold one open application, decided by the database
-- even when two requests race.
-- FACE_*: JX-3, the face session consumed (METHOD FACE) or the caseworker's in-person check at the
--   counter (METHOD IN_PERSON, FACE_SESSION_ID NULL).
-- *_DONE: the step was last saved complete (validated whole), not as a draft (暂存).
-- HAS_*: the asset questions (NULL: not answered yet); DEPOSITS_FEN, SECURITIES_FEN in fen.
-- COMMITMENT_*: the authorization commitment letter (JX-7): SIGNED_ON_SCREEN (the core issued the
--   document COMMITMENT_DOCUMENT_ID with the signature) or UPLOADED (the applicant's signed-letter
--   attachment COMMITMENT_ATTACHMENT_ID).
-- ERASED_AT: the application was withdrawn and its personal data erased (C-3).
CREATE TABLE JX_APPLICATION (
    CASE_ID VARCHAR(36) NOT NULL PRIMARY KEY,
    ACCOUNT_ID VARCHAR(36) NOT NULL,
    OPEN_ACCOUNT_ID VARCHAR(36),
    REGION_CODE VARCHAR(6) NOT NULL,
    CHANNEL VARCHAR(10) NOT NULL,
    FILED_BY VARCHAR(36),
    CONSENT_VERSION VARCHAR(20) NOT NULL,
    FACE_METHOD VARCHAR(10),
    FACE_SESSION_ID VARCHAR(36),
    FACE_VERIFIED_AT TIMESTAMP,
    APPLICATION_TYPE VARCHAR(10),
    CATEGORY_CODE VARCHAR(40),
    TYPE_DONE BOOLEAN DEFAULT FALSE NOT NULL,
    FAMILY_DONE BOOLEAN DEFAULT FALSE NOT NULL,
    ASSETS_DONE BOOLEAN DEFAULT FALSE NOT NULL,
    HAS_VEHICLE BOOLEAN,
    HAS_REAL_ESTATE BOOLEAN,
    HAS_BUSINESS BOOLEAN,
    DEPOSITS_FEN BIGINT,
    SECURITIES_FEN BIGINT,
    COMMITMENT_MODE VARCHAR(20),
    COMMITMENT_DOCUMENT_ID VARCHAR(36),
    COMMITMENT_ATTACHMENT_ID VARCHAR(36),
    COMMITMENT_AT TIMESTAMP,
    ERASED_AT TIMESTAMP,
    CREATED_AT TIMESTAMP NOT NULL,
    UPDATED_AT TIMESTAMP NOT NULL,
    VERSION BIGINT DEFAULT 0 NOT NULL
);
CREATE UNIQUE INDEX JX_APPLICATION_OPEN ON JX_APPLICATION (OPEN_ACCOUNT_ID);
CREATE INDEX JX_APPLICATION_ACCOUNT ON JX_APPLICATION (ACCOUNT_ID);

-- JX-6: the applicant (POSITION 0, RELATION SELF) and the co-applicants, in the order given.
-- ID_NUMBER is normalized (upper-case X) so that one person in two open applications is found.
CREATE TABLE JX_MEMBER (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    CASE_ID VARCHAR(36) NOT NULL,
    POSITION INTEGER NOT NULL,
    RELATION VARCHAR(10) NOT NULL,
    NAME VARCHAR(50),
    ID_NUMBER VARCHAR(18),
    MOBILE VARCHAR(11),
    MARITAL_STATUS VARCHAR(10),
    EMPLOYMENT_STATUS VARCHAR(15),
    EMPLOYER VARCHAR(100),
    OCCUPATION VARCHAR(50),
    MONTHLY_INCOME_FEN BIGINT,
    HUKOU_TYPE VARCHAR(12),
    HUKOU_ADDRESS VARCHAR(200),
    CURRENT_ADDRESS VARCHAR(200),
    HOUSING_SITUATION VARCHAR(20),
    LIVING_AREA_M2 DECIMAL(8, 2),
    RESIDENT_SINCE VARCHAR(7)
);
CREATE INDEX JX_MEMBER_CASE ON JX_MEMBER (CASE_ID);
CREATE INDEX JX_MEMBER_ID_NUMBER ON JX_MEMBER (ID_NUMBER);

-- JX-7: vehicles (DESCRIPTION the model, REFERENCE the plate), real estate (the address, the
-- certificate number, AREA_M2) and business registrations (the name, the credit code).
CREATE TABLE JX_ASSET (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    CASE_ID VARCHAR(36) NOT NULL,
    KIND VARCHAR(12) NOT NULL,
    POSITION INTEGER NOT NULL,
    OWNER_NAME VARCHAR(50),
    DESCRIPTION VARCHAR(200),
    REFERENCE VARCHAR(60),
    AREA_M2 DECIMAL(8, 2),
    VALUE_FEN BIGINT
);
CREATE INDEX JX_ASSET_CASE ON JX_ASSET (CASE_ID);

-- JX-8: which of the applicant's attachments fills which material, for which member (NULL: the
-- family). The attachment is filed with the case in the core too.
CREATE TABLE JX_MATERIAL (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    CASE_ID VARCHAR(36) NOT NULL,
    MATERIAL_CODE VARCHAR(40) NOT NULL,
    MEMBER_ID VARCHAR(36),
    ATTACHMENT_ID VARCHAR(36) NOT NULL,
    FILED_BY VARCHAR(36) NOT NULL,
    FILED_AT TIMESTAMP NOT NULL,
    CONSTRAINT JX_MATERIAL_ONCE UNIQUE (CASE_ID, MATERIAL_CODE, ATTACHMENT_ID)
);
CREATE INDEX JX_MATERIAL_CASE ON JX_MATERIAL (CASE_ID);
