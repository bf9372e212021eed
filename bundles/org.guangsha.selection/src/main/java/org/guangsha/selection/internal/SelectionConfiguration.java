package org.guangsha.selection.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The city's settings for online selection ({@code etc/org.guangsha.selection.cfg}). Only {@link
 * SelectionService} carries {@code @Designate} for it (bnd refuses a second one); other components
 * read it with {@code configurationPid = SelectionConfiguration.PID} alone.
 */
@ObjectClassDefinition(
        id = SelectionConfiguration.PID,
        name = "Guangsha online selection",
        description = "Cart size and formal-selection window of new batches, session closing")
public @interface SelectionConfiguration {

    /** The configuration PID. */
    String PID = "org.guangsha.selection";

    /** Cart size of new batches (S-2: 5). */
    @AttributeDefinition(name = "Cart size", description = "Units a family may pre-select (1-20)")
    int cart_size() default 5;

    /** Formal-selection window of new batches (S-4: 3 minutes). */
    @AttributeDefinition(
            name = "Formal window (seconds)",
            description =
                    "How long a family has to settle and confirm after its formal declaration")
    int window_seconds() default 180;

    /** How often each node looks for sessions whose end has passed. */
    @AttributeDefinition(
            name = "Session sweep (seconds)",
            description = "How often ended sessions are closed and auto-assigned")
    int sweep_seconds() default 5;

    // Signing after selection (S-12) and materials (S-13): see the signing package.

    /** The deposit (租赁保证金, S-12) in months of the unit's rent. */
    @AttributeDefinition(
            name = "Deposit (months of rent)",
            description = "The deposit a family pays after signing, in months of rent (1-12)")
    int deposit_months() default 2;

    /** How long a deposit order can be paid before a new one must be asked for. */
    @AttributeDefinition(
            name = "Deposit order lifetime (minutes)",
            description = "How long the deposit's payment code can be paid (1-1440)")
    int deposit_minutes() default 30;

    /** The countdown on the commitment letter in the signing ceremony. */
    @AttributeDefinition(
            name = "Commitment reading (seconds)",
            description = "How long the commitment letter must be read before 我已阅知 (0-600)")
    int signing_commitment_seconds() default 30;

    /** The countdown on the lease contract in the signing ceremony. */
    @AttributeDefinition(
            name = "Contract reading (seconds)",
            description = "How long the lease contract must be read before signing (0-600)")
    int signing_contract_seconds() default 60;

    /**
     * Who reviews a signing (网上签约审核), in order: {@code district}, {@code city} or {@code province},
     * separated by commas. The case belongs to the batch's region, so its first level must have
     * caseworkers there (a batch run by the city itself needs {@code city}).
     */
    @AttributeDefinition(
            name = "Signing review levels",
            description = "district, city or province, in order, separated by commas")
    String signing_review_levels() default "district";

    /** The lessor (出租人) printed on the lease; empty: the batch's city's housing bureau. */
    @AttributeDefinition(
            name = "Lessor",
            description =
                    "The lessor on the lease and the authority on the occupancy notice; empty"
                            + " for <city>住房和建设局")
    String lessor_name() default "";

    /** The lessor's unified social credit code printed on the lease. */
    @AttributeDefinition(name = "Lessor's credit code", description = "统一社会信用代码 of the lessor")
    String lessor_code() default "（示范）";

    /** The lessor's telephone printed on the lease and the occupancy notice. */
    @AttributeDefinition(name = "Lessor's telephone", description = "Printed on both documents")
    String lessor_phone() default "0755-00000000";

    /** The lease term in years, from the day of signing. */
    @AttributeDefinition(name = "Lease term (years)", description = "1-10")
    int lease_years() default 3;

    /** The day of the month the rent is due. */
    @AttributeDefinition(name = "Rent due day", description = "Day of the month, 1-28")
    int rent_payment_day() default 5;

    /** Days after approval within which the family moves in (入住通知书). */
    @AttributeDefinition(
            name = "Check-in days",
            description = "The occupancy notice asks to check in within this many days of approval")
    int checkin_days() default 15;

    /** Where the family checks in, printed on the occupancy notice. */
    @AttributeDefinition(name = "Check-in place", description = "Printed on the occupancy notice")
    String checkin_place() default "项目管理服务中心";

    /** Whom to call about checking in, printed on the occupancy notice. */
    @AttributeDefinition(name = "Check-in contact", description = "Printed on the occupancy notice")
    String checkin_contact() default "项目管理服务中心";

    /** How often each node reads the availability feed ({@code SEL_CHANGE}) when not poked. */
    @AttributeDefinition(
            name = "Broadcast poll (milliseconds)",
            description =
                    "How often each node reads new unit changes for its stream clients (S-10);"
                            + " a confirm on this node publishes at once")
    int broadcast_poll_millis() default 200;

    /** Comment line sent to idle stream clients, so proxies keep the connection open. */
    @AttributeDefinition(
            name = "Broadcast heartbeat (seconds)",
            description = "Interval of the keep-alive comment on the availability stream")
    int broadcast_heartbeat_seconds() default 15;

    /** How long a hole in the feed's sequence may stay before later changes go out anyway. */
    @AttributeDefinition(
            name = "Broadcast gap wait (milliseconds)",
            description =
                    "A change numbered after one not yet committed waits at most this long, so"
                            + " that stream clients receive changes in order")
    int broadcast_gap_millis() default 1000;

    /** Events one stream client may have unsent before it is disconnected (it then resumes). */
    @AttributeDefinition(
            name = "Broadcast client backlog",
            description =
                    "Unsent events a slow stream client may have before it is disconnected; it"
                            + " reconnects and resumes after its last event")
    int broadcast_client_backlog() default 256;
}
