package org.guangsha.jiangxi.application.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The province's settings for the application line ({@code etc/org.guangsha.jiangxi.cfg}). Only
 * {@link ApplicationService} carries {@code @Designate} for it (bnd refuses a second one); other
 * components read it with {@code configurationPid = JiangxiConfiguration.PID} alone.
 */
@ObjectClassDefinition(
        id = JiangxiConfiguration.PID,
        name = "Guangsha Jiangxi public rental application",
        description = "Province, applicant categories and their materials, review levels")
public @interface JiangxiConfiguration {

    /** The configuration PID. */
    String PID = "org.guangsha.jiangxi";

    /** The province whose cities and counties citizens apply in (JX-2). */
    @AttributeDefinition(
            name = "Province",
            description = "GB/T 2260 code of the province; applications go to its counties")
    String province_code() default "360000";

    /** The applicant categories and the materials each needs (JX-4), a JSON file. */
    @AttributeDefinition(
            name = "Categories file",
            description =
                    "JSON list of applicant categories and their materials; relative paths are"
                            + " under Karaf's etc/")
    String categories_file() default "guangsha/jiangxi-categories.json";

    /** Who reviews, in order (C-2): county/district, then city. */
    @AttributeDefinition(
            name = "Review levels",
            description = "county (or district), city or province, in order, separated by commas")
    String review_levels() default "county,city";

    /**
     * The version of the service-authorization privacy agreement citizens consent to (JX-2); a new
     * text needs a new version, so that consents to the old text are asked again.
     */
    @AttributeDefinition(name = "Agreement version", description = "e.g. 2024.09")
    String agreement_version() default "2024.09";

    /** The authority named on the authorization commitment letter; empty: the city's. */
    @AttributeDefinition(
            name = "Housing authority",
            description = "Printed on the commitment letter; empty for <city>住房保障部门")
    String housing_authority() default "";
}
