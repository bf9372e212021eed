package org.guangsha.platform.identity;

/** Whose account it is. Kinds never share services: an organization cannot use citizen lines. */
public enum AccountKind {
    /** A resident, identified by the resident ID number. */
    CITIZEN,
    /** A company or institution, identified by the unified social credit code. */
    ORGANIZATION,
    /** A caseworker or an operator of the city. */
    STAFF
}
