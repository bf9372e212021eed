package org.guangsha.platform.document;

/** Where an issued document stands, as the public verification page shows it. */
public enum DocumentStatus {
    /** 有效. */
    VALID,
    /** 已过期: its validity ended. */
    EXPIRED,
    /** 已撤销: a caseworker revoked it. */
    REVOKED
}
