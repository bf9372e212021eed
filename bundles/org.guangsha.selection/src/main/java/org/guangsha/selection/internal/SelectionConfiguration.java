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
