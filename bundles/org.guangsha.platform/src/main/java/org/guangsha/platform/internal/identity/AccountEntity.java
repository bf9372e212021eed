package org.guangsha.platform.internal.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.TrustLevel;

/** An account ({@code PLT_ACCOUNT}): a citizen, an organization or a staff member. */
@Entity
@Table(name = "PLT_ACCOUNT")
public class AccountEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    @Column(name = "DISPLAY_NAME", length = 100, nullable = false)
    private String name;

    @Column(name = "ID_NUMBER", length = 18)
    private String idNumber;

    @Column(name = "MOBILE", length = 11)
    private String mobile;

    @Column(name = "USERNAME", length = 64)
    private String username;

    @Column(name = "CREDIT_CODE", length = 18)
    private String creditCode;

    @Column(name = "LEGAL_REP_NAME", length = 100)
    private String legalRepName;

    @Column(name = "LEGAL_REP_ID_NUMBER", length = 18)
    private String legalRepIdNumber;

    @Column(name = "CONTACT_MOBILE", length = 11)
    private String contactMobile;

    @Column(name = "PASSWORD_HASH", length = 200, nullable = false)
    private String passwordHash;

    @Column(name = "TRUST_LEVEL", length = 2, nullable = false)
    private String trustLevel;

    @Column(name = "ROLES", length = 200, nullable = false)
    private String roles;

    @Column(name = "REGION_CODE", length = 12)
    private String regionCode;

    @Column(name = "FAILED_LOGINS", nullable = false)
    private int failedLogins;

    @Column(name = "LOCKED_UNTIL")
    private Timestamp lockedUntil;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "DISABLED_AT")
    private Timestamp disabledAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long rowVersion;

    protected AccountEntity() {}

    /** A new citizen account at trust level L1 (I-1). */
    static AccountEntity citizen(
            String id,
            String name,
            String idNumber,
            String mobile,
            String passwordHash,
            Instant createdAt) {
        AccountEntity a = new AccountEntity();
        a.id = id;
        a.kind = AccountKind.CITIZEN.name();
        a.name = name;
        a.idNumber = idNumber;
        a.mobile = mobile;
        a.passwordHash = passwordHash;
        a.trustLevel = TrustLevel.L1.name();
        a.roles = "CITIZEN";
        a.createdAt = Timestamp.from(createdAt);
        return a;
    }

    /** A new staff account: verified in person by the city, so L3. */
    static AccountEntity staff(
            String id,
            String username,
            String name,
            String role,
            String regionCode,
            String passwordHash,
            Instant createdAt) {
        AccountEntity a = new AccountEntity();
        a.id = id;
        a.kind = AccountKind.STAFF.name();
        a.username = username;
        a.name = name;
        a.roles = role;
        a.regionCode = regionCode;
        a.passwordHash = passwordHash;
        a.trustLevel = TrustLevel.L3.name();
        a.createdAt = Timestamp.from(createdAt);
        return a;
    }

    /** A new organization account (法人) at trust level L1. */
    static AccountEntity organization(
            String id,
            String name,
            String creditCode,
            String legalRepName,
            String legalRepIdNumber,
            String contactMobile,
            String passwordHash,
            Instant createdAt) {
        AccountEntity a = new AccountEntity();
        a.id = id;
        a.kind = AccountKind.ORGANIZATION.name();
        a.name = name;
        a.creditCode = creditCode;
        a.legalRepName = legalRepName;
        a.legalRepIdNumber = legalRepIdNumber;
        a.contactMobile = contactMobile;
        a.passwordHash = passwordHash;
        a.trustLevel = TrustLevel.L1.name();
        a.roles = "ORGANIZATION";
        a.createdAt = Timestamp.from(createdAt);
        return a;
    }

    public String id() {
        return id;
    }

    public AccountKind kind() {
        return AccountKind.valueOf(kind);
    }

    public String name() {
        return name;
    }

    public String idNumber() {
        return idNumber;
    }

    public String mobile() {
        return mobile;
    }

    void mobile(String value) {
        this.mobile = value;
    }

    public String creditCode() {
        return creditCode;
    }

    public String legalRepName() {
        return legalRepName;
    }

    public String contactMobile() {
        return contactMobile;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String hash) {
        this.passwordHash = hash;
    }

    public TrustLevel trustLevel() {
        return TrustLevel.valueOf(trustLevel);
    }

    void trustLevel(TrustLevel level) {
        this.trustLevel = level.name();
    }

    /** The roles, e.g. CITIZEN, CASEWORKER, OPERATOR. */
    public Set<String> roles() {
        return new TreeSet<>(Arrays.asList(roles.split(",")));
    }

    public String regionCode() {
        return regionCode;
    }

    public int failedLogins() {
        return failedLogins;
    }

    /** Until when the account is locked, or null. */
    public Instant lockedUntil() {
        return lockedUntil == null ? null : lockedUntil.toInstant();
    }

    /** When an operator disabled the account, or null while it may log in. */
    public Instant disabledAt() {
        return disabledAt == null ? null : disabledAt.toInstant();
    }

    /** Whether an operator disabled the account: it cannot log in and its tokens are refused. */
    public boolean disabled() {
        return disabledAt != null;
    }

    /** Disables the account from {@code now} on, or enables it again ({@code now} null). */
    void disabledAt(Instant now) {
        this.disabledAt = now == null ? null : Timestamp.from(now);
    }

    /** Counts a failed login; locks the account when {@code threshold} is reached. */
    void loginFailed(int threshold, Instant lockUntil) {
        failedLogins++;
        if (failedLogins >= threshold) {
            lockedUntil = Timestamp.from(lockUntil);
            failedLogins = 0;
        }
    }

    /** A successful login clears the failure count and any expired lock. */
    void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }
}
