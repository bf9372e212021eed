package org.guangsha.platform.casework;

import java.util.Objects;
import org.guangsha.platform.i18n.LocalizedText;

/**
 * One level of review (C-2), e.g. district then city (seed 004 §4).
 *
 * @param id stable id, e.g. {@code district}
 * @param name shown in the timeline and the queue
 * @param regionLevel which caseworkers review at this level: those whose region is of this level
 *     ({@code DISTRICT} — which includes counties —, {@code CITY} or {@code PROVINCE}) and covers
 *     the case's region
 */
public record ReviewLevel(String id, LocalizedText name, String regionLevel) {

    /** Checks the members. */
    public ReviewLevel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(regionLevel, "regionLevel");
    }

    /** District level review. */
    public static ReviewLevel district() {
        return new ReviewLevel("district", LocalizedText.of("区级审核", "District review"), "DISTRICT");
    }

    /** City level review. */
    public static ReviewLevel city() {
        return new ReviewLevel("city", LocalizedText.of("市级审核", "City review"), "CITY");
    }
}
