-- Signing after selection (DOMAIN.md S-12) and its materials (S-13): one row per family that began
-- signing for the unit it was allocated. The ceremony, the contract, the payment order, the case and
-- the occupancy notice live in the core; this row names them and holds what only the line knows:
-- which steps the family passed and its rent collection details (租金托收).
--
-- MOBILE_CONFIRMED_AT: the mobile step (确认/修改手机号码) was passed.
-- BANK_*: the main applicant's card for rent collection. The number is kept whole for the
--   collection itself and shown with its last four digits only; the photos are the applicant's
--   attachments (kinds bank-card-front, bank-card-back), filed with the case on submission.
-- CEREMONY_ID: the core's signing ceremony (confirm, commitment, face check, reading, handwritten
--   signature); CONTRACT_*: the signed lease it issued.
-- DEPOSIT_*: the deposit (租赁保证金) asked, the core's payment order, and when the payment
--   provider's notification said it was paid (never the browser).
-- CASE_ID: the core's case (网上签约审核); SUBMIT_CLAIMED_AT keeps two submissions at once from
--   opening two cases.
-- NOTICE_*: the occupancy notice (入住通知书) issued once on approval; NOTICE_CLAIMED_AT keeps two
--   nodes from issuing it twice.
CREATE TABLE SEL_SIGNING (
    FAMILY_ID VARCHAR(36) NOT NULL PRIMARY KEY,
    UNIT_ID VARCHAR(36) NOT NULL,
    ACCOUNT_ID VARCHAR(36) NOT NULL,
    MOBILE_CONFIRMED_AT TIMESTAMP,
    BANK_NAME VARCHAR(60),
    BANK_ACCOUNT_NAME VARCHAR(50),
    BANK_CARD_NUMBER VARCHAR(19),
    BANK_FRONT_ATTACHMENT_ID VARCHAR(36),
    BANK_BACK_ATTACHMENT_ID VARCHAR(36),
    BANK_SAVED_AT TIMESTAMP,
    CEREMONY_ID VARCHAR(36),
    CONTRACT_DOCUMENT_ID VARCHAR(36),
    CONTRACT_SIGNED_AT TIMESTAMP,
    DEPOSIT_FEN BIGINT,
    DEPOSIT_ORDER_ID VARCHAR(36),
    DEPOSIT_PAID_AT TIMESTAMP,
    CASE_ID VARCHAR(36),
    SUBMIT_CLAIMED_AT TIMESTAMP,
    NOTICE_DOCUMENT_ID VARCHAR(36),
    NOTICE_CLAIMED_AT TIMESTAMP,
    CREATED_AT TIMESTAMP NOT NULL,
    UPDATED_AT TIMESTAMP NOT NULL,
    ROW_VERSION BIGINT NOT NULL,
    CONSTRAINT UQ_SEL_SIGNING_UNIT UNIQUE (UNIT_ID),
    CONSTRAINT UQ_SEL_SIGNING_CASE UNIQUE (CASE_ID),
    CONSTRAINT CK_SEL_SIGNING_DEPOSIT CHECK (DEPOSIT_FEN IS NULL OR DEPOSIT_FEN >= 0),
    CONSTRAINT FK_SEL_SIGNING_FAMILY FOREIGN KEY (FAMILY_ID) REFERENCES SEL_FAMILY (ID),
    CONSTRAINT FK_SEL_SIGNING_UNIT FOREIGN KEY (UNIT_ID) REFERENCES SEL_UNIT (ID)
);
CREATE INDEX IX_SEL_SIGNING_CEREMONY ON SEL_SIGNING (CEREMONY_ID);
CREATE INDEX IX_SEL_SIGNING_ORDER ON SEL_SIGNING (DEPOSIT_ORDER_ID);
