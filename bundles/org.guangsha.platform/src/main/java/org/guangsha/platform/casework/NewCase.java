package org.guangsha.platform.casework;

import java.util.Objects;

/**
 * What a line gives to open a case.
 *
 * @param typeId a registered {@link CaseType#id()}
 * @param applicantId the applicant's account
 * @param regionCode the region the case belongs to (it decides who reviews it)
 * @param channel how it is filed
 * @param filedBy for {@link Channel#COUNTER}, the staff member filing it; otherwise null
 */
public record NewCase(
        String typeId, String applicantId, String regionCode, Channel channel, String filedBy) {

    /** Checks the required members. */
    public NewCase {
        Objects.requireNonNull(typeId, "typeId");
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(channel, "channel");
    }
}
