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
}
