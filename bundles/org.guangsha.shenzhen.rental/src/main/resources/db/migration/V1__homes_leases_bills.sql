-- Shenzhen public-rental services (DOMAIN.md section 2, SZ-1 … SZ-8): the city's homes, the leases
-- on them and who lives there, the waiting lists and their history, the monthly rent bills and the
-- bank collection runs. Cases (renewal, changes, records …) live in the core and are keyed by case
-- id in later migrations.

-- A home of a public-rental project (项目, 栋, 房号). HOME_CODE is the city's own number of the home,
-- unique, the key CSV imports match on.
CREATE TABLE SZR_HOME (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    HOME_CODE VARCHAR(40) NOT NULL,
    PROJECT VARCHAR(100) NOT NULL,
    BUILDING VARCHAR(40) NOT NULL,
    ROOM VARCHAR(20) NOT NULL,
    ADDRESS VARCHAR(200) NOT NULL,
    DISTRICT_CODE VARCHAR(6) NOT NULL,
    AREA_M2 DECIMAL(8, 2),
    LAYOUT VARCHAR(40),
    CREATED_AT TIMESTAMP NOT NULL,
    UPDATED_AT TIMESTAMP NOT NULL,
    CONSTRAINT SZR_HOME_CODE UNIQUE (HOME_CODE)
);

-- A lease (租赁合同) of a home to a citizen (LESSEE_KIND CITIZEN, LESSEE_ID the resident ID number)
-- or an organization (ORGANIZATION, LESSEE_ID the unified social credit code). ACCOUNT_ID is the
-- lessee's platform account once known (matched by ID number or credit code). POLICY: OLD or NEW
-- (SZ-2 a). RENT_FEN a month, in fen. STATUS: ACTIVE, ENDED. At most one ACTIVE lease per home:
-- ACTIVE_HOME_ID is the home while ACTIVE and NULL otherwise, under a unique index.
CREATE TABLE SZR_LEASE (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    LEASE_NO VARCHAR(40) NOT NULL,
    HOME_ID VARCHAR(36) NOT NULL,
    ACTIVE_HOME_ID VARCHAR(36),
    LESSEE_KIND VARCHAR(12) NOT NULL,
    LESSEE_NAME VARCHAR(100) NOT NULL,
    LESSEE_ID VARCHAR(18) NOT NULL,
    ACCOUNT_ID VARCHAR(36),
    MARITAL_STATUS VARCHAR(10),
    POLICY VARCHAR(3) NOT NULL,
    START_DATE DATE NOT NULL,
    END_DATE DATE NOT NULL,
    RENT_FEN BIGINT NOT NULL,
    STATUS VARCHAR(10) NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    UPDATED_AT TIMESTAMP NOT NULL,
    ROW_VERSION BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT SZR_LEASE_NO UNIQUE (LEASE_NO)
);
CREATE UNIQUE INDEX SZR_LEASE_ACTIVE_HOME ON SZR_LEASE (ACTIVE_HOME_ID);
CREATE INDEX SZR_LEASE_LESSEE ON SZR_LEASE (LESSEE_ID);
CREATE INDEX SZR_LEASE_ACCOUNT ON SZR_LEASE (ACCOUNT_ID);

-- Who lives in a leased home besides a citizen lessee: co-residents (同住人, ROLE CO_RESIDENT); for
-- an organization's lease the occupants (入住人, ROLE OCCUPANT) and their co-residents
-- (OCCUPANT_ID names the occupant). ID_NUMBER normalized (upper-case X).
CREATE TABLE SZR_RESIDENT (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    LEASE_ID VARCHAR(36) NOT NULL,
    ROLE VARCHAR(12) NOT NULL,
    OCCUPANT_ID VARCHAR(36),
    NAME VARCHAR(50) NOT NULL,
    ID_NUMBER VARCHAR(18) NOT NULL,
    RELATION VARCHAR(10),
    MOBILE VARCHAR(11),
    POSITION INTEGER NOT NULL
);
CREATE INDEX SZR_RESIDENT_LEASE ON SZR_RESIDENT (LEASE_ID);

-- Waiting lists (轮候册) for 安居房 (LIST_TYPE ANJU) and 公租房 (GONGZU): the rank a family held on a
-- day. One row per list, person and day, so the personal page shows how the rank moved (SZ-1).
CREATE TABLE SZR_WAITING_RANK (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    LIST_TYPE VARCHAR(10) NOT NULL,
    ID_NUMBER VARCHAR(18) NOT NULL,
    NAME VARCHAR(50) NOT NULL,
    RANK_NO INTEGER NOT NULL,
    AS_OF DATE NOT NULL,
    CONSTRAINT SZR_WAITING_ONCE UNIQUE (LIST_TYPE, ID_NUMBER, AS_OF)
);
CREATE INDEX SZR_WAITING_PERSON ON SZR_WAITING_RANK (ID_NUMBER);

-- Monthly rent bills (SZ-4): one per lease and month (PERIOD yyyy-MM), AMOUNT_FEN from the lease.
-- STATUS UNPAID or PAID; ORDER_ID the core payment order of the payment under way or done;
-- RECEIPT_DOCUMENT_ID the core's receipt (缴费凭证).
CREATE TABLE SZR_BILL (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    LEASE_ID VARCHAR(36) NOT NULL,
    PERIOD VARCHAR(7) NOT NULL,
    AMOUNT_FEN BIGINT NOT NULL,
    DUE_DATE DATE NOT NULL,
    STATUS VARCHAR(10) NOT NULL,
    ORDER_ID VARCHAR(36),
    PAID_AT TIMESTAMP,
    RECEIPT_DOCUMENT_ID VARCHAR(36),
    CREATED_AT TIMESTAMP NOT NULL,
    ROW_VERSION BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT SZR_BILL_ONCE UNIQUE (LEASE_ID, PERIOD)
);

-- Bank collection runs (银行托收): while one runs, citizens cannot pay online (SZ-4 d). Entered by
-- caseworkers or imported.
CREATE TABLE SZR_COLLECTION_RUN (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    STARTS_AT TIMESTAMP NOT NULL,
    ENDS_AT TIMESTAMP NOT NULL,
    DESCRIPTION VARCHAR(200),
    CREATED_BY VARCHAR(36),
    CREATED_AT TIMESTAMP NOT NULL
);
