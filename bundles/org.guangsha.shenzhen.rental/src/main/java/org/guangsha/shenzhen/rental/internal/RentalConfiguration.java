package org.guangsha.shenzhen.rental.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The city's settings for its public-rental services ({@code
 * etc/org.guangsha.shenzhen.rental.cfg}). Only one component carries {@code @Designate} for it (bnd
 * refuses a second one); the others read it with {@code configurationPid = RentalConfiguration.PID}
 * alone.
 */
@ObjectClassDefinition(
        id = RentalConfiguration.PID,
        name = "Guangsha Shenzhen public rental services",
        description = "Rent payment windows and the city's rental rules")
public @interface RentalConfiguration {

    /** The configuration PID. */
    String PID = "org.guangsha.shenzhen.rental";

    /** SZ-4 b: the hour (city time) from which paying stops for the night. */
    @AttributeDefinition(name = "Payment blackout from (hour)", description = "0-23; 23 = 23:00")
    int payment_blackout_from_hour() default 23;

    /** SZ-4 b: the hour (city time) at which paying opens again. */
    @AttributeDefinition(name = "Payment blackout until (hour)", description = "0-23; 1 = 01:00")
    int payment_blackout_until_hour() default 1;

    /** SZ-4 c: no payment in the last days of a month. */
    @AttributeDefinition(
            name = "Closed days at month end",
            description = "No payment in the last N days of each month (0-10)")
    int payment_closed_last_days() default 2;

    /** The day of the month a month's rent is due. */
    @AttributeDefinition(name = "Rent due day", description = "1-28")
    int rent_due_day() default 5;

    /** How long a rent payment code can be paid. */
    @AttributeDefinition(name = "Payment order lifetime (minutes)", description = "1-1440")
    int payment_order_minutes() default 15;

    /** SZ-2: the years a renewal adds after the old end date. */
    @AttributeDefinition(name = "Renewal term (years)", description = "1-10")
    int renewal_term_years() default 3;

    /** SZ-2 c: how long the contract must be read in the signing ceremony before going on. */
    @AttributeDefinition(name = "Contract reading countdown (seconds)", description = "0-120")
    int signing_read_seconds() default 10;

    /** SZ-2 c: how long the commitment must be read before it can be copied. */
    @AttributeDefinition(name = "Commitment reading countdown (seconds)", description = "0-120")
    int signing_commitment_seconds() default 10;

    /** SZ-2 c: the lessor named in renewal contracts. */
    @AttributeDefinition(name = "Lessor", description = "The lessor named in renewal contracts")
    String lessor_name() default "深圳市住房和建设局";

    /** SZ-2 c: the lessor's telephone in renewal contracts. */
    @AttributeDefinition(name = "Lessor telephone")
    String lessor_phone() default "12345";
}
