package org.guangsha.platform.identity;

import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;

/**
 * An administrative region (GB/T 2260 code): province, city, district or county. Caseworkers act
 * within one region and everything below it.
 *
 * @param code the 6-digit division code
 * @param level PROVINCE, CITY, DISTRICT or COUNTY
 * @param name the region's name
 * @param children the regions directly below it
 */
public record Region(String code, String level, LocalizedText name, List<Region> children) {

    /** Copies the children. */
    public Region {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
